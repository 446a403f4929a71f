package io.posunbind.engine;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Every rule of a rule set by name: the file it is in (a decision table's rows are rules of the table), its text and
 * its metadata. What a diff of two versions compares rule by rule.
 */
public final class RuleCatalog {
    private final SortedMap<String, Rule> rules;

    private RuleCatalog(SortedMap<String, Rule> rules) {
        this.rules = Collections.unmodifiableSortedMap(rules);
    }

    /**
     * One rule.
     *
     * @param name       its name, unique in the rule set
     * @param file       the file it is written in
     * @param regulation its @regulation, or null
     * @param owner      its @owner, or null
     * @param rationale  its @rationale, or null
     * @param text       its text from {@code rule} to {@code end} (for a table row, the rule generated from it)
     */
    public record Rule(String name, String file, String regulation, String owner, String rationale, String text) {
    }

    /** The rules of the rule set; a file that does not parse contributes none (validation names it). */
    public static RuleCatalog of(RuleFiles files) {
        SortedMap<String, Rule> rules = new TreeMap<>();
        RuleSources.of(files).drl().forEach((path, text) -> {
            DrlFile file = DrlFile.parse(path, text);
            if (file.rules() == null) {
                return;
            }
            String[] lines = text.split("\n", -1);
            for (RuleDescr rule : file.rules().getRules()) {
                rules.putIfAbsent(rule.getName(), new Rule(rule.getName(), path, meta(rule, "regulation"),
                        meta(rule, "owner"), meta(rule, "rationale"), text(lines, rule)));
            }
        });
        return new RuleCatalog(rules);
    }

    public SortedMap<String, Rule> rules() {
        return rules;
    }

    private static String meta(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        String value = annotation == null ? null : annotation.getSingleValueAsString();
        return value == null ? null : AnnotationDescr.unquote(value);
    }

    /** The rule's lines, from its {@code rule} line to its {@code end}. */
    private static String text(String[] lines, RuleDescr rule) {
        int first = Math.max(0, rule.getLine() - 1);
        int last = first;
        while (last < lines.length - 1 && !lines[last].strip().equals("end")) {
            last++;
        }
        StringBuilder text = new StringBuilder();
        for (int i = first; i <= last && i < lines.length; i++) {
            text.append(lines[i]).append('\n');
        }
        return text.toString();
    }
}
