package io.posunbind.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Thresholds are defined in one place (a table row inserting {@code Threshold.of("NAME", value)}) and read in
 * another ({@code Threshold( name == "NAME", $limit : value )}). A rule reading a threshold nobody defines would
 * simply never fire, so that is an error; so is a threshold defined twice, which would make the rule fire twice
 * with two values. A threshold no rule reads is a warning: probably a renamed rule or a typo.
 */
final class ThresholdCheck {
    private static final String FACT = "Threshold";
    private static final Pattern DEFINITION = Pattern.compile("(?:Threshold\\.of|new\\s+Threshold)\\(\\s*\"([^\"]*)\"");
    private static final Pattern NAMED = Pattern.compile("^\\s*name\\s*==\\s*\"([^\"]*)\"\\s*$");

    private record Place(String file, int line, int column, String rule) {
    }

    private ThresholdCheck() {
    }

    static List<RuleProblem> check(List<DrlFile> files) {
        Map<String, Place> defined = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (DrlFile file : files) {
            Matcher m = DEFINITION.matcher(file.text());
            while (m.find()) {
                int[] at = file.position(m.start(1));
                Place first = defined.putIfAbsent(m.group(1), new Place(file.path(), at[0], at[1], null));
                if (first != null) {
                    problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.path(), at[0], at[1], "The threshold "
                            + m.group(1) + " is defined twice (also at " + RuleProblem.at(first.file(), first.line(),
                            0) + "); a threshold has one value, so keep one of the two."));
                }
            }
        }
        Map<String, Place> read = new LinkedHashMap<>();
        for (DrlFile file : files) {
            for (RuleDescr rule : file.rules().getRules()) {
                for (PatternDescr pattern : DrlFile.patterns(rule)) {
                    if (FACT.equals(pattern.getObjectType())) {
                        reads(file, rule, pattern, defined, read, problems);
                    }
                }
            }
        }
        defined.forEach((name, place) -> {
            if (!read.containsKey(name)) {
                problems.add(new RuleProblem(RuleProblem.Level.WARNING, place.file(), place.line(), place.column(),
                        "No rule reads the threshold " + name + ": a rule reads it with Threshold( name == \"" + name
                                + "\", $value : value ). A renamed threshold, or one no longer needed?"));
            }
        });
        return problems;
    }

    private static void reads(DrlFile file, RuleDescr rule, PatternDescr pattern, Map<String, Place> defined,
                              Map<String, Place> read, List<RuleProblem> problems) {
        int line = Math.max(pattern.getLine(), 0);
        int column = pattern.getColumn() >= 0 ? pattern.getColumn() + 1 : 0;
        String name = null;
        for (BaseDescr constraint : pattern.getDescrs()) {
            Matcher m = constraint instanceof ExprConstraintDescr expr ? NAMED.matcher(expr.getExpression()) : null;
            if (m != null && m.matches()) {
                name = m.group(1);
            }
        }
        if (name == null) {
            problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.path(), line, column, "The rule \""
                    + rule.getName() + "\" reads a Threshold without naming which: write Threshold( name == "
                    + "\"NAME\", $value : value )."));
        } else if (!defined.containsKey(name)) {
            problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.path(), line, column, "The rule \""
                    + rule.getName() + "\" reads the threshold " + name + ", which no table defines"
                    + (defined.isEmpty() ? "" : " (the thresholds are " + String.join(", ",
                    new TreeSet<>(defined.keySet())) + ")") + ", so it could never fire."));
        } else {
            read.putIfAbsent(name, new Place(file.path(), line, column, rule.getName()));
        }
    }
}
