package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleProblem;
import io.posunbind.engine.RuleSources;
import io.posunbind.engine.SourceText;
import io.posunbind.scenario.Scenario;

/**
 * Warns about a scenario that expects a finding, fee, refund, hold or step code that no rule file mentions: the
 * scenario can only fail, and most likely one of the two has a typo or a rule was renamed without its scenarios.
 * Codes are written as text in the rules ({@code new Fee("ACCOUNT_CLOSURE", ...)}), so a code no rule file holds
 * in quotes is one no rule can produce.
 */
final class ScenarioCodes {
    private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
    private static final List<String> SECTIONS = List.of("findings", "fees", "refunds", "holds", "steps");

    private ScenarioCodes() {
    }

    static List<RuleProblem> unknownCodes(RuleFiles files, List<Scenario> scenarios) {
        RuleSources sources = RuleSources.of(files);
        if (!sources.problems().isEmpty()) {
            return List.of(); // a table that cannot be read produces no code yet; its own errors say why
        }
        Set<String> produced = new HashSet<>();
        sources.drl().values().forEach(text -> {
            Matcher m = CODE_LITERAL.matcher(text);
            while (m.find()) {
                produced.add(m.group(1));
            }
        });
        List<RuleProblem> warnings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Scenario scenario : scenarios) {
            for (String section : SECTIONS) {
                for (JsonNode item : scenario.expected().path(section)) {
                    String code = item.isTextual() ? item.asText() : item.path("code").asText("");
                    if (!code.isEmpty() && !produced.contains(code) && reported.add(scenario.file() + "\n" + code)) {
                        warnings.add(warning(files.files().get(scenario.file()), scenario, section, code));
                    }
                }
            }
        }
        return warnings;
    }

    private static RuleProblem warning(String text, Scenario scenario, String section, String code) {
        int index = text == null ? -1 : text.indexOf("\"" + code + "\"");
        int[] at = index < 0 ? new int[] {0, 0} : SourceText.position(text, index);
        return new RuleProblem(RuleProblem.Level.WARNING, scenario.file(), at[0], at[1], "Scenario \""
                + scenario.name() + "\" expects the " + section.replaceAll("s$", "") + " code " + code
                + ", which no rule file produces: a typo, or a rule that is missing or was renamed?");
    }
}
