package io.posunbind.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.kie.api.builder.Message;

/**
 * Turns the executable-model compiler's messages into problems located in the rule files. The compiler reports some
 * condition errors without a line, and errors in a rule's action against the Java class it generated from it; both
 * are traced back to the rule file through the parsed rules ({@link DrlFile}) and the generated source the compiler
 * quotes. The checks that run before the compiler catch the common cases with exact positions; this is the net for
 * what they do not know.
 */
final class CompilerMessages {
    static final String RESOURCES = "src/main/resources/";
    private static final String GENERATED_SOURCE = "Java source of ";
    private static final Pattern EXPRESSION = Pattern.compile("(?:expression:?|Expression) (.+?):?$",
            Pattern.MULTILINE);
    private static final Pattern MISSING_CLASS = Pattern.compile("Unable to find class: (\\S+)");

    private CompilerMessages() {
    }

    static List<RuleProblem> of(List<Message> messages, Map<String, DrlFile> files) {
        Map<String, String> generated = new HashMap<>();
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText();
            if (text.startsWith(GENERATED_SOURCE)) {
                generated.put(m.getPath(), text.substring(text.indexOf('\n') + 1));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText().strip();
            if (m.getLevel() == Message.Level.INFO || text.startsWith(GENERATED_SOURCE)) {
                continue;
            }
            RuleProblem.Level level = m.getLevel() == Message.Level.ERROR
                    ? RuleProblem.Level.ERROR : RuleProblem.Level.WARNING;
            String path = m.getPath() == null ? "" : m.getPath().replaceFirst("^" + RESOURCES, "");
            if (RuleFiles.isDecisionTable(path.replaceFirst("\\.drl$", ""))) {
                path = path.replaceFirst("\\.drl$", "");
            }
            int occurrence = seen.merge(path + "\n" + text, 1, Integer::sum) - 1;
            int[] at = {Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0)};
            String file = path;
            if (files.containsKey(path) && at[0] == 0) {
                at = locateInRules(files.get(path), text, occurrence);
            } else if (generated.containsKey(m.getPath())) {
                ConsequenceLocator.Location found = ConsequenceLocator.locate(generated.get(m.getPath()),
                        m.getLine(), files.values());
                file = found.file();
                at = new int[] {found.line(), found.column()};
            } else if (!files.containsKey(path)) {
                file = RuleProblem.WHOLE_RULE_SET;
            }
            problems.add(new RuleProblem(level, file, at[0], at[1], PlainWords.of(text), text));
        }
        return problems;
    }

    /** Finds the condition or pattern the message quotes; the n-th message quoting it gets its n-th use. */
    private static int[] locateInRules(DrlFile file, String message, int occurrence) {
        Matcher expression = EXPRESSION.matcher(message);
        Matcher missingClass = MISSING_CLASS.matcher(message);
        List<BaseDescr> candidates = new ArrayList<>();
        for (PatternDescr pattern : file.patterns()) {
            if (missingClass.find(0) && missingClass.group(1).equals(pattern.getObjectType())) {
                candidates.add(pattern);
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr && expression.find(0)
                        && expression.group(1).strip().equals(expr.getExpression().strip())) {
                    candidates.add(expr);
                }
            }
        }
        if (!candidates.isEmpty()) {
            BaseDescr descr = candidates.get(Math.min(occurrence, candidates.size() - 1));
            return new int[] {Math.max(descr.getLine(), 0), descr.getColumn() >= 0 ? descr.getColumn() + 1 : 0};
        }
        return QuotedText.locate(file.text(), message);
    }
}
