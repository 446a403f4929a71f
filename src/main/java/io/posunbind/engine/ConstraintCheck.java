package io.posunbind.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.drl.ast.descr.ExprConstraintDescr;

import io.posunbind.engine.CodeTokens.Token;

/**
 * One condition of a pattern, e.g. {@code earlyTermination.method == EarlyTerminationMethod.FLAT}: every value it
 * reads from the fact must exist, and a value compared with a literal must be of the literal's kind.
 */
final class ConstraintCheck {
    private static final Set<String> WORDS = Set.of("in", "not", "contains", "excludes", "memberOf", "matches",
            "soundslike", "str", "this", "null", "true", "false", "instanceof", "new", "after", "before", "coincides",
            "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts",
            "startedby");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");

    private final DrlFile file;
    private final Class<?> factType;
    private final List<Token> tokens;
    private final int base;
    private final List<RuleProblem> problems = new ArrayList<>();

    private ConstraintCheck(DrlFile file, Class<?> factType, String expression, int base) {
        this.file = file;
        this.factType = factType;
        this.tokens = CodeTokens.of(expression);
        this.base = base;
    }

    static List<RuleProblem> check(DrlFile file, Class<?> factType, ExprConstraintDescr constraint) {
        String expression = constraint.getExpression();
        int base = file.text().indexOf(expression, Math.max(0, constraint.getStartCharacter()));
        if (base < 0) {
            return List.of();
        }
        ConstraintCheck check = new ConstraintCheck(file, factType, expression, base);
        check.run();
        return check.problems;
    }

    private void run() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean afterDot = previous != null && (previous.is(".") || previous.is("::") || previous.is("#"));
            boolean binding = next != null && next.is(":") && !(i + 2 < tokens.size() && tokens.get(i + 2).is("="));
            if (!token.isIdentifier() || afterDot || binding || WORDS.contains(token.text())
                    || !Character.isLowerCase(token.text().charAt(0))) {
                continue;
            }
            i = path(i);
        }
    }

    /** Follows {@code a.b.c} through the fact types; returns the index of the last token of the path. */
    private int path(int start) {
        Class<?> type = factType;
        int i = start;
        while (true) {
            Token segment = tokens.get(i);
            boolean called = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            if (called) {
                if (Arrays.stream(type.getMethods()).map(Method::getName).noneMatch(segment.text()::equals)) {
                    report(segment, type.getSimpleName() + " has no `" + segment.text() + "(...)`. "
                            + valuesOf(type, segment.text()));
                }
                return i;
            }
            Map<String, Class<?>> properties = FactVocabulary.properties(type);
            Class<?> valueType = properties.get(segment.text());
            if (valueType == null) {
                report(segment, type.getSimpleName() + " has no value `" + segment.text() + "`. "
                        + valuesOf(type, segment.text()));
                return i;
            }
            boolean more = i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).isIdentifier();
            if (!more) {
                LiteralKinds.mismatch(segment.text(), valueType, tokens, i + 1)
                        .ifPresent(message -> report(segment, message));
                return i;
            }
            if (!RuleAllowlist.isFactType(valueType.getSimpleName())
                    || !valueType.getPackageName().equals(RuleAllowlist.FACTS)) {
                return i + 2;
            }
            type = valueType;
            i += 2;
        }
    }

    private static String valuesOf(Class<?> type, String wrong) {
        List<String> names = new ArrayList<>(FactVocabulary.properties(type).keySet());
        String nearest = FactVocabulary.nearest(wrong, names);
        return (nearest != null ? "Did you mean `" + nearest + "`? " : "") + "Its values are: "
                + String.join(", ", names) + ".";
    }

    private void report(Token token, String message) {
        int[] at = file.position(base + token.offset());
        problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.path(), at[0], at[1], message));
    }

    static boolean isComparison(String operator) {
        return COMPARISONS.contains(operator);
    }
}
