package io.posunbind.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.RuleDescr;

/**
 * Checks over the whole rule set that Drools leaves out: every file has a package, and every rule name is unique in
 * the rule set, not only in its package. Rule names are what auditors read in {@code firedRules}, so two rules of
 * one name in different packages would make an answer ambiguous, and Drools accepts that silently.
 */
final class RuleNames {
    private record Seen(DrlFile file, String pkg, int line) {
    }

    private RuleNames() {
    }

    static List<RuleProblem> check(List<DrlFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (DrlFile file : files) {
            if (file.rules() == null) {
                continue;
            }
            String pkg = file.rules().getName() == null ? "" : file.rules().getName().strip();
            if (pkg.isEmpty()) {
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.path(), 1, 1, "The file has no package "
                        + "line. Start it with `package " + expectedPackage(file.path()) + ";` (the folder's name)."));
            } else if (!expectedPackage(file.path()).equals("rules") && !pkg.equals(expectedPackage(file.path()))) {
                problems.add(new RuleProblem(RuleProblem.Level.WARNING, file.path(), 1, 1, "The package `" + pkg
                        + "` does not match the folder; by convention it is `" + expectedPackage(file.path()) + "`."));
            }
            for (RuleDescr rule : file.rules().getRules()) {
                int[] at = namePosition(file, rule);
                Seen first = seen.putIfAbsent(rule.getName(), new Seen(file, pkg, at[0]));
                if (first != null) {
                    String where = RuleProblem.at(first.file().path(), first.line(), 0);
                    String message = first.pkg().equals(pkg)
                            ? "Two rules are named \"" + rule.getName() + "\" (the other one is at " + where
                              + "). Rule names must be unique: give this one a name of its own."
                            : "A rule named \"" + rule.getName() + "\" already exists at " + where + ". Rule names "
                              + "must be unique in the whole rule set, because auditors read them in the answers.";
                    problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.path(), at[0], at[1], message));
                }
            }
        }
        return problems;
    }

    /** The package a file's folder implies: {@code fees/fees.drl} is package {@code fees}. */
    static String expectedPackage(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "rules" : path.substring(0, slash).replace('/', '.');
    }

    /** Where the rule's quoted name is, so the cursor lands on the name to change. */
    static int[] namePosition(DrlFile file, RuleDescr rule) {
        int start = Math.max(0, rule.getStartCharacter());
        int quote = file.text().indexOf("\"" + rule.getName() + "\"", start);
        if (quote >= 0 && quote - start < 200) {
            return file.position(quote);
        }
        return new int[] {Math.max(rule.getLine(), 0), rule.getColumn() >= 0 ? rule.getColumn() + 1 : 0};
    }
}
