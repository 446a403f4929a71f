package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import io.posunbind.engine.RuleCatalog;
import io.posunbind.engine.RuleFiles;
import io.posunbind.scenario.Scenario;
import io.posunbind.scenario.ScenarioFiles;
import io.posunbind.scenario.ScenarioFormatException;

/**
 * What differs between two rule sets: the files added, removed and changed (each with a unified diff, as
 * {@code git diff} shows it), the rules added, removed and changed by name with their metadata, and the scenarios.
 *
 * @param version   the version compared
 * @param against   the version it is compared with
 * @param files     files by path
 * @param rules     rules by name; a rule moved to another file, or whose text or metadata changed, is changed
 * @param scenarios scenarios by file and name
 */
public record RuleSetDiff(String version, String against, Files files, Rules rules, Scenarios scenarios) {
    private static final int CONTEXT = 3;

    /** Files added, removed and changed. */
    public record Files(List<FileChange> added, List<FileChange> removed, List<FileChange> changed) {
    }

    /** One file and its unified diff (against the other version's file; from nothing for an added one). */
    public record FileChange(String path, String diff) {
    }

    /** Rules added, removed and changed. */
    public record Rules(List<RuleChange> added, List<RuleChange> removed, List<RuleChange> changed) {
    }

    /**
     * One rule, with its metadata as it is in the version compared (as it was, for a removed one).
     *
     * @param changes for a changed rule, what changed: text, file, regulation, owner, rationale
     */
    public record RuleChange(String name, String file, String regulation, String owner, String rationale,
                             List<String> changes) {
    }

    /** Scenarios added, removed and changed, each as "file › name". */
    public record Scenarios(List<String> added, List<String> removed, List<String> changed) {
    }

    static RuleSetDiff of(String version, RuleFiles files, String against, RuleFiles base) {
        return new RuleSetDiff(version, against, files(files.files(), base.files()), rules(files, base),
                scenarios(files, base));
    }

    /** True when nothing differs. */
    @JsonProperty("empty")
    public boolean empty() {
        return files.added.isEmpty() && files.removed.isEmpty() && files.changed.isEmpty();
    }

    private static Files files(SortedMap<String, String> now, SortedMap<String, String> before) {
        List<FileChange> added = new ArrayList<>();
        List<FileChange> removed = new ArrayList<>();
        List<FileChange> changed = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(now.keySet());
        paths.addAll(before.keySet());
        for (String path : paths) {
            String a = before.get(path);
            String b = now.get(path);
            if (a == null) {
                added.add(new FileChange(path, unified(path, "", b)));
            } else if (b == null) {
                removed.add(new FileChange(path, unified(path, a, "")));
            } else if (!a.equals(b)) {
                changed.add(new FileChange(path, unified(path, a, b)));
            }
        }
        return new Files(added, removed, changed);
    }

    static String unified(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(before.isEmpty() ? "/dev/null" : "a/" + path,
                after.isEmpty() ? "/dev/null" : "b/" + path, a, DiffUtils.diff(a, b), CONTEXT);
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(trimmed.split("\n", -1));
    }

    private static Rules rules(RuleFiles now, RuleFiles before) {
        Map<String, RuleCatalog.Rule> a = RuleCatalog.of(before).rules();
        Map<String, RuleCatalog.Rule> b = RuleCatalog.of(now).rules();
        List<RuleChange> added = new ArrayList<>();
        List<RuleChange> removed = new ArrayList<>();
        List<RuleChange> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            RuleCatalog.Rule was = a.get(name);
            RuleCatalog.Rule is = b.get(name);
            if (was == null) {
                added.add(change(is, List.of()));
            } else if (is == null) {
                removed.add(change(was, List.of()));
            } else {
                List<String> changes = new ArrayList<>();
                if (!was.text().equals(is.text())) {
                    changes.add("text");
                }
                if (!was.file().equals(is.file())) {
                    changes.add("file");
                }
                if (!Objects.equals(was.regulation(), is.regulation())) {
                    changes.add("regulation");
                }
                if (!Objects.equals(was.owner(), is.owner())) {
                    changes.add("owner");
                }
                if (!Objects.equals(was.rationale(), is.rationale())) {
                    changes.add("rationale");
                }
                if (!changes.isEmpty()) {
                    changed.add(change(is, changes));
                }
            }
        }
        return new Rules(added, removed, changed);
    }

    private static RuleChange change(RuleCatalog.Rule rule, List<String> changes) {
        return new RuleChange(rule.name(), rule.file(), rule.regulation(), rule.owner(), rule.rationale(),
                changes.isEmpty() ? null : changes);
    }

    private static Scenarios scenarios(RuleFiles now, RuleFiles before) {
        Map<String, String> a = scenarioTexts(before);
        Map<String, String> b = scenarioTexts(now);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            if (!a.containsKey(name)) {
                added.add(name);
            } else if (!b.containsKey(name)) {
                removed.add(name);
            } else if (!a.get(name).equals(b.get(name))) {
                changed.add(name);
            }
        }
        return new Scenarios(added, removed, changed);
    }

    /** Each scenario's request and expectations (as resolved over its file's base), by "file › name". */
    private static Map<String, String> scenarioTexts(RuleFiles files) {
        Map<String, String> texts = new LinkedHashMap<>();
        files.scenarioFiles().forEach((path, text) -> {
            try {
                for (Scenario s : ScenarioFiles.parse(Map.of(path, text))) {
                    texts.put(Scenario.displayName(s.file(), s.name()), s.request() + " " + s.expected() + " "
                            + s.language());
                }
            } catch (ScenarioFormatException e) {
                texts.put(path + " (unreadable)", text);
            }
        });
        return texts;
    }
}
