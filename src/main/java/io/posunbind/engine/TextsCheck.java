package io.posunbind.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import io.posunbind.engine.CodeTokens.Token;

/**
 * Checks that a rule set can answer in every language: it has a texts file for each, every code a rule produces
 * (a finding, fee, refund or step named in a rule file) has a text in each, and a text names the same
 * {@code {placeholders}} in every language. Run when a rule set is validated; rule sets stored before texts existed
 * write their sentences in their rules and are still compiled and replayed without them.
 */
public final class TextsCheck {
    private static final Map<String, String> KINDS = Map.of("Finding", "finding", "Fee", "fee", "Refund", "refund",
            "Step", "step");

    private record Use(String key, String file, int line, int column) {
    }

    private TextsCheck() {
    }

    public static List<RuleProblem> check(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        Texts texts = Texts.of(files);
        for (Language language : Language.values()) {
            if (!texts.has(language)) {
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, Texts.fileOf(language), 0, 0, "The rule set "
                        + "has no texts in " + language.tag() + ": add " + Texts.fileOf(language) + " with a text "
                        + "for every finding, fee, refund and step code (see rules/README.md, texts)."));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, Use> uses = new LinkedHashMap<>();
        RuleSources sources = RuleSources.of(files);
        sources.drl().forEach((path, text) -> uses(path, text).forEach(use -> uses.putIfAbsent(use.key(), use)));
        for (Use use : uses.values()) {
            for (Language language : Language.values()) {
                if (texts.text(language, use.key()).isEmpty()) {
                    problems.add(sources.locate(new RuleProblem(RuleProblem.Level.ERROR, use.file(), use.line(),
                            use.column(), "The text " + use.key() + " is missing in " + language.tag() + ": add a "
                            + "line \"" + use.key() + " = ...\" to " + Texts.fileOf(language) + ".")));
                }
            }
        }
        placeholders(texts, problems);
        return problems;
    }

    /** Texts of one key that name different placeholders in different languages: one of them is wrong. */
    private static void placeholders(Texts texts, List<RuleProblem> problems) {
        Map<String, String> reference = texts.all(Language.EN);
        for (Language language : Language.values()) {
            if (language == Language.EN) {
                continue;
            }
            texts.all(language).forEach((key, text) -> {
                String english = reference.get(key);
                if (english != null && !names(english).equals(names(text))) {
                    problems.add(new RuleProblem(RuleProblem.Level.ERROR, Texts.fileOf(language), 0, 0, "The text "
                            + key + " fills in " + names(text) + " in " + language.tag() + " but " + names(english)
                            + " in en; a text names the same values in every language."));
                }
            });
        }
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Texts.PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The text keys a rule file uses: {@code Finding.of("CODE"}, {@code new Fee("CODE"}, {@code Step.of(10, "CODE"},
     * and the fee texts a rule names with {@code .text("KEY")}.
     */
    private static List<Use> uses(String path, String text) {
        List<Token> tokens = CodeTokens.of(text);
        List<Use> uses = new ArrayList<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            Token token = tokens.get(i);
            String kind = KINDS.get(token.text());
            boolean made = kind != null && ((i > 0 && tokens.get(i - 1).is("new") && tokens.get(i + 1).is("("))
                    || (tokens.get(i + 1).is(".") && (tokens.get(i + 2).is("of") || tokens.get(i + 2).is("about"))));
            if (made) {
                int open = tokens.get(i + 1).is("(") ? i + 1 : i + 3;
                int literal = kind.equals("step") ? open + 3 : open + 1;
                if (literal < tokens.size() && tokens.get(literal).kind() == CodeTokens.Kind.STRING
                        && !(kind.equals("fee") && namesItsText(tokens, literal))) {
                    uses.add(use(kind, tokens.get(literal), path));
                }
            } else if (token.is(".") && tokens.get(i + 1).is("text") && tokens.get(i + 2).is("(")) {
                collectStrings(tokens, i + 3, path, uses);
            }
        }
        return uses;
    }

    /** True when the statement goes on to name the fee's text ({@code .text(...)}), so the code's own is not used. */
    private static boolean namesItsText(List<Token> tokens, int from) {
        for (int k = from; k + 2 < tokens.size() && !tokens.get(k).is(";"); k++) {
            if (tokens.get(k).is(".") && tokens.get(k + 1).is("text") && tokens.get(k + 2).is("(")) {
                return true;
            }
        }
        return false;
    }

    /** Every text literal of a {@code .text(...)} argument, such as both sides of {@code cond ? "A" : "B"}. */
    private static void collectStrings(List<Token> tokens, int from, String path, List<Use> uses) {
        int depth = 1;
        for (int k = from; k < tokens.size() && depth > 0; k++) {
            Token t = tokens.get(k);
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            if (depth == 1 && t.kind() == CodeTokens.Kind.STRING) {
                uses.add(use("fee", t, path));
            }
        }
    }

    private static Use use(String kind, Token literal, String path) {
        String code = literal.text().substring(1, literal.text().length() - 1);
        return new Use(kind + "." + code, path, literal.line(), literal.column());
    }
}
