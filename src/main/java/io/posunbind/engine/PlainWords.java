package io.posunbind.engine;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler's messages in words a compliance officer can act on. The original stays available as the problem's
 * detail, for a developer.
 */
final class PlainWords {
    private record Rewrite(Pattern pattern, Function<Matcher, String> words) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            rewrite("Unable to parse left part of expression: (.+)", m -> "The condition `" + m.group(1)
                    + "` names something the fact does not have. Check the spelling of the value's name."),
            rewrite("Unknown field (\\w+) on class [\\w.]*?(\\w+)", m -> m.group(2) + " has no value " + m.group(1)
                    + ", so this rule could never match."),
            rewrite("Method (\\w+) on (\\S+) with arguments \\[(.*)\\] is missing", m -> "`" + m.group(1) + "("
                    + m.group(3) + ")` does not exist on " + m.group(2).replaceAll("[\\w.]*\\.", "") + "."),
            rewrite("Unable to find class: (\\S+)", m -> "`" + m.group(1) + "` is not a fact type."),
            rewrite("Duplicate rule name: (.+)", m -> "Two rules are named \"" + m.group(1) + "\"; rule names "
                    + "must be unique."),
            rewrite("(\\S+) cannot be resolved to a variable", m -> "`" + m.group(1) + "` is not known here. A value "
                    + "from the conditions must first be given a name ($name : value); names are case-sensitive."),
            rewrite("(\\S+) cannot be resolved$", m -> "`" + m.group(1) + "` is not known here. A value from the "
                    + "conditions must first be given a name ($name : value); names are case-sensitive."),
            rewrite("(\\S+) cannot be resolved to a type", m -> "`" + m.group(1) + "` is not a known type."),
            rewrite("(\\S+) cannot be resolved or is not a field", m -> "`" + m.group(1) + "` does not exist here."),
            rewrite("Type mismatch: cannot convert from (\\S+) to (\\S+)", m -> "A value of type " + m.group(1)
                    + " is used where " + m.group(2) + " is needed."),
            rewrite("The constructor (\\w+)\\((.*)\\) is undefined", PlainWords::constructor),
            rewrite("The method (\\w+)\\((.*)\\) is undefined for the type (\\w+)", m -> m.group(3) + " has no `"
                    + m.group(1) + "` taking (" + m.group(2) + ")."),
            rewrite("The operator (\\S+) is undefined for the argument type\\(s\\) (.+)", m -> "`" + m.group(1)
                    + "` cannot be used with " + m.group(2) + ". Amounts are computed with add, subtract, multiply."),
            rewrite("Syntax error,? (.+)", m -> "Syntax error in the action (after then): " + m.group(1) + "."));

    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:\\.[a-zA-Z_$][\\w$]*)*(?::\\s*)?");

    private PlainWords() {
    }

    static String of(String message) {
        String firstLine = message.strip().split("\\R", 2)[0];
        for (Rewrite rewrite : REWRITES) {
            Matcher m = rewrite.pattern().matcher(firstLine);
            if (m.find()) {
                return rewrite.words().apply(m);
            }
        }
        return "The rule compiler reports: " + firstLine;
    }

    /**
     * The text without the Java class names it carries ({@code org.drools.Foo: }, {@code java.lang.X}), which tell
     * an officer nothing and must never reach an answer.
     */
    static String withoutClassNames(String text) {
        return CLASS_NAME.matcher(text).replaceAll("").replaceAll("\\s{2,}", " ").strip();
    }

    /** Names how the fact can be made: {@code Fee(code, amount, description)}. */
    private static String constructor(Matcher m) {
        String type = m.group(1);
        List<String> ways = new ArrayList<>();
        FactVocabulary.type(type).ifPresent(t -> {
            for (Constructor<?> c : t.getConstructors()) {
                List<String> parameters = new ArrayList<>();
                for (var p : c.getParameters()) {
                    parameters.add(p.getType().getSimpleName() + (p.isNamePresent() ? " " + p.getName() : ""));
                }
                ways.add(type + "(" + String.join(", ", parameters) + ")");
            }
        });
        return "`new " + type + "(" + m.group(2) + ")` does not match how a " + type + " is made"
                + (ways.isEmpty() ? "." : ": " + String.join(" or ", ways) + ".");
    }

    private static Rewrite rewrite(String regex, Function<Matcher, String> words) {
        return new Rewrite(Pattern.compile(regex), words);
    }
}
