package io.posunbind.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Every rule says which regulation it implements and who answers for it ({@code @regulation}, {@code @owner}):
 * auditors read the regulation next to each line of an answer. A rule without them is an error when they are
 * required (the default; {@code unbind.rules.metadata-required=false} turns it off, for a rule set under
 * construction). A regulation citing a section of the policy that {@code docs/policy.md} does not have is a
 * warning: a typo, or a policy the project does not describe yet. A validation check, not a compilation one: rule
 * sets recorded before it keep compiling for replay.
 */
public final class MetadataCheck {
    static final List<String> REQUIRED = List.of("regulation", "owner");
    private static final Pattern CITATION = Pattern.compile("Unbind policy v1 §(\\d+)");
    private static final Pattern SECTION = Pattern.compile("(?m)^##\\s+§(\\d+)\\b");
    private static final Set<String> POLICY_SECTIONS = policySections();

    private MetadataCheck() {
    }

    public static List<RuleProblem> check(RuleFiles files, boolean required) {
        RuleSources sources = RuleSources.of(files);
        List<RuleProblem> problems = new ArrayList<>();
        sources.drl().forEach((path, text) -> {
            DrlFile file = DrlFile.parse(path, text);
            if (file.rules() == null) {
                return;
            }
            for (RuleDescr rule : file.rules().getRules()) {
                int[] at = RuleNames.namePosition(file, rule);
                if (required) {
                    for (String name : REQUIRED) {
                        AnnotationDescr annotation = rule.getAnnotation(name);
                        String value = annotation == null ? null : annotation.getSingleValueAsString();
                        if (value == null || AnnotationDescr.unquote(value).isBlank()) {
                            problems.add(sources.locate(new RuleProblem(RuleProblem.Level.ERROR, path, at[0], at[1],
                                    "The rule \"" + rule.getName() + "\" has no @" + name + ": every rule says "
                                    + (name.equals("regulation") ? "the regulation or policy section it implements"
                                    : "who answers for it") + ", written after its name: @" + name + "(\"...\").")));
                        }
                    }
                }
                AnnotationDescr regulation = rule.getAnnotation("regulation");
                String cited = regulation == null ? null : regulation.getSingleValueAsString();
                if (cited != null && !POLICY_SECTIONS.isEmpty()) {
                    Matcher m = CITATION.matcher(cited);
                    while (m.find()) {
                        if (!POLICY_SECTIONS.contains(m.group(1))) {
                            problems.add(sources.locate(new RuleProblem(RuleProblem.Level.WARNING, path, at[0],
                                    at[1], "The rule \"" + rule.getName() + "\" cites §" + m.group(1) + " of Unbind "
                                    + "policy v1, which docs/policy.md does not have (its sections are §"
                                    + String.join(", §", POLICY_SECTIONS) + ").")));
                        }
                    }
                }
            }
        });
        return problems;
    }

    /** The sections of the policy as docs/policy.md, bundled with the service, numbers them. */
    private static Set<String> policySections() {
        Set<String> sections = new TreeSet<>();
        try (InputStream in = MetadataCheck.class.getResourceAsStream("/policy.md")) {
            if (in != null) {
                Matcher m = SECTION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    sections.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }
}
