package io.posunbind.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;

import io.posunbind.engine.CodeTokens.Token;

/**
 * Checks that a rule names only what the fact vocabulary has, before the compiler runs, so each problem is reported
 * where it is written and in plain words: a value a fact does not have ({@code Merchant( nosuchField )}), a constant
 * an enum does not have ({@code Reason.SWITCH_PROVIDERS}), and a comparison of a value with a literal of the wrong
 * kind ({@code Account( balance == "abc" )}). The executable-model compiler reports the first two without a line,
 * and the third not at all: it fails with a NumberFormatException.
 */
final class VocabularyCheck {
    private final DrlFile file;
    private final List<RuleProblem> problems = new ArrayList<>();

    private VocabularyCheck(DrlFile file) {
        this.file = file;
    }

    static List<RuleProblem> check(DrlFile file) {
        VocabularyCheck check = new VocabularyCheck(file);
        check.enumConstants();
        for (PatternDescr pattern : file.patterns()) {
            Optional<Class<?>> type = FactVocabulary.type(simpleName(pattern.getObjectType()));
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr && type.isPresent()) {
                    check.problems.addAll(ConstraintCheck.check(file, type.get(), expr));
                }
            }
        }
        return check.problems;
    }

    /** {@code Reason.SWITCH_PROVIDERS} anywhere in the file, conditions and actions alike. */
    private void enumConstants() {
        List<Token> tokens = CodeTokens.of(file.text());
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token type = tokens.get(i);
            Token constant = tokens.get(i + 2);
            boolean qualifiedBefore = i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("::"));
            boolean called = i + 3 < tokens.size() && tokens.get(i + 3).is("(");
            if (!type.isIdentifier() || qualifiedBefore || !tokens.get(i + 1).is(".") || !constant.isIdentifier()
                    || called) {
                continue;
            }
            Optional<Class<?>> enumType = FactVocabulary.type(type.text()).filter(Class::isEnum);
            if (enumType.isPresent() && !FactVocabulary.constants(enumType.get()).contains(constant.text())) {
                List<String> values = FactVocabulary.constants(enumType.get());
                String nearest = FactVocabulary.nearest(constant.text(), values);
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.path(), constant.line(),
                        constant.column(), type.text() + " has no value " + constant.text() + ". "
                        + (nearest != null ? "Did you mean " + nearest + "? "
                        : "") + "The values are: " + String.join(", ", values) + "."));
            }
        }
    }

    private static String simpleName(String objectType) {
        if (objectType == null) {
            return "";
        }
        return objectType.startsWith(RuleAllowlist.FACTS + ".") ? objectType.substring(RuleAllowlist.FACTS.length()
                + 1) : objectType;
    }
}
