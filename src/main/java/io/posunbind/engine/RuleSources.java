package io.posunbind.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The DRL of a rule set: its {@code .drl} files as written and its decision tables ({@code .csv}) turned into DRL,
 * each under the path of the file it came from. Every check and the compiler read the rule set through this, so a
 * table's rules are checked exactly as a file's; {@link #locate(RuleProblem)} moves a problem found in a table's DRL
 * back to the table's row and column.
 */
public final class RuleSources {
    private final SortedMap<String, String> drl;
    private final Map<String, DecisionTable> tables;
    private final List<RuleProblem> problems;

    private RuleSources(SortedMap<String, String> drl, Map<String, DecisionTable> tables, List<RuleProblem> problems) {
        this.drl = Collections.unmodifiableSortedMap(drl);
        this.tables = tables;
        this.problems = List.copyOf(problems);
    }

    public static RuleSources of(RuleFiles files) {
        SortedMap<String, String> drl = new TreeMap<>(files.ruleFiles());
        Map<String, DecisionTable> tables = new TreeMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        files.decisionTables().forEach((path, text) -> {
            DecisionTable table = DecisionTable.read(path, text);
            tables.put(path, table);
            problems.addAll(table.problems());
            if (table.drl() != null) {
                drl.put(path, table.drl());
            }
        });
        return new RuleSources(drl, tables, problems);
    }

    /** The DRL text by the path of the file it came from: a rule file's own text, a table's generated rules. */
    public SortedMap<String, String> drl() {
        return drl;
    }

    /** The problems of the decision tables' shape and cells, found before any DRL was generated. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** True for a path that is a decision table: its DRL is generated, and problems in it are moved to its cells. */
    boolean isTable(String path) {
        return tables.containsKey(path);
    }

    /** The problem as the officer should see it: in a table, at the row and column it came from. */
    public RuleProblem locate(RuleProblem problem) {
        DecisionTable table = tables.get(problem.file());
        return table == null || table.drl() == null ? problem : table.locate(problem);
    }
}
