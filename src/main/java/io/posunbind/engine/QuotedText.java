package io.posunbind.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.posunbind.engine.CodeTokens.Token;

/**
 * The last resort for a compiler message that quotes no condition of the parsed rules: the name it quotes is looked
 * up among the file's code tokens (never inside comments or text), else the rule it names.
 */
final class QuotedText {
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unknown field (\\w+) on class ([\\w.$]+)");
    private static final Pattern MISSING_METHOD = Pattern.compile("Method (\\w+) on .* is missing");
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule[^\"]*\"([^\"]+)\"");

    private QuotedText() {
    }

    /** {line, column}, 1-based, or {0, 0} when nothing quoted is found. */
    static int[] locate(String source, String message) {
        Matcher field = UNKNOWN_FIELD.matcher(message);
        if (field.find()) {
            String type = field.group(2).substring(field.group(2).lastIndexOf('.') + 1);
            List<Token> tokens = CodeTokens.of(source);
            for (int i = 0; i + 2 < tokens.size(); i++) {
                if (tokens.get(i).is(type) && tokens.get(i + 1).is(".") && tokens.get(i + 2).is(field.group(1))) {
                    return new int[] {tokens.get(i + 2).line(), tokens.get(i + 2).column()};
                }
            }
        }
        Matcher method = MISSING_METHOD.matcher(message);
        if (method.find()) {
            List<Token> tokens = CodeTokens.of(source);
            for (int i = 1; i + 1 < tokens.size(); i++) {
                if (tokens.get(i - 1).is(".") && tokens.get(i).is(method.group(1)) && tokens.get(i + 1).is("(")) {
                    return new int[] {tokens.get(i).line(), tokens.get(i).column()};
                }
            }
        }
        Matcher rule = RULE_NAME.matcher(message);
        if (rule.find()) {
            int index = source.indexOf("\"" + rule.group(1) + "\"");
            if (index >= 0) {
                return SourceText.position(source, index);
            }
        }
        return new int[] {0, 0};
    }
}
