package io.posunbind.engine;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;

import io.posunbind.engine.CodeTokens.Kind;
import io.posunbind.engine.CodeTokens.Token;

/**
 * Whether a value compared with a literal ({@code balance == "abc"}, {@code reason == Severity.BLOCKER}) can ever
 * be equal to it: an amount is compared with a number, a text with a text, a yes/no with true or false and an enum
 * with one of its own constants. A wrong kind is a rule that can never match, or one the compiler chokes on.
 */
final class LiteralKinds {

    private LiteralKinds() {
    }

    /** The mismatch of the comparison that starts at index i (right after the value's name), if any. */
    static Optional<String> mismatch(String name, Class<?> valueType, List<Token> tokens, int i) {
        int at = i;
        StringBuilder operator = new StringBuilder();
        while (at < tokens.size() && tokens.get(at).kind() == Kind.SYMBOL && operator.length() < 2
                && "=!<>".contains(tokens.get(at).text())
                && (operator.length() == 0 || tokens.get(at).offset() == tokens.get(at - 1).offset() + 1)) {
            operator.append(tokens.get(at).text());
            at++;
        }
        if (!ConstraintCheck.isComparison(operator.toString()) || at >= tokens.size()) {
            return Optional.empty();
        }
        Token literal = tokens.get(at);
        if (literal.is("-") && at + 1 < tokens.size()) {
            literal = tokens.get(at + 1);
        }
        String kind = kindOf(literal, tokens, at);
        if (kind == null || fits(valueType, kind, literal)) {
            return Optional.empty();
        }
        return Optional.of("`" + name + "` is " + describe(valueType) + ", so it cannot be compared with "
                + (kind.equals("enum") ? literal.text() + "." + tokens.get(at + 2).text() : kind + " "
                + literal.text()) + ". " + example(valueType));
    }

    private static String kindOf(Token literal, List<Token> tokens, int at) {
        if (literal.kind() == Kind.STRING) {
            return "the text";
        }
        if (literal.kind() == Kind.NUMBER) {
            return "the number";
        }
        if (literal.is("true") || literal.is("false")) {
            return "the yes/no value";
        }
        boolean constant = at + 2 < tokens.size() && tokens.get(at + 1).is(".") && tokens.get(at + 2).isIdentifier()
                && !(at + 3 < tokens.size() && tokens.get(at + 3).is("("));
        if (constant && FactVocabulary.type(literal.text()).filter(Class::isEnum).isPresent()) {
            return "enum";
        }
        return null;
    }

    private static boolean fits(Class<?> type, String kind, Token literal) {
        return switch (kind) {
            case "the text" -> type == String.class || type == char.class || type == Character.class
                    || Temporal.class.isAssignableFrom(type);
            case "the number" -> isNumber(type);
            case "the yes/no value" -> type == boolean.class || type == Boolean.class;
            case "enum" -> type.getSimpleName().equals(literal.text());
            default -> true;
        };
    }

    private static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class
                && type != char.class);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of the " + type.getSimpleName() + " values";
        }
        if (isNumber(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a yes/no value";
        }
        return type == String.class ? "a text" : "a " + type.getSimpleName();
    }

    private static String example(Class<?> type) {
        if (type.isEnum()) {
            Object first = type.getEnumConstants()[0];
            return "Write it like " + type.getSimpleName() + "." + first + ".";
        }
        if (isNumber(type)) {
            return "Write a number without quotes, like 0 or 50.00.";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "Write true or false without quotes, or just the name for true.";
        }
        return type == String.class ? "Write the text in double quotes, like \"ABC\"." : "";
    }
}
