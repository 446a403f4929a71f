package io.posunbind.ruleset;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where in a DRL file an error applies when the executable-model compiler reports it without a line: the
 * compiler quotes the faulty expression or rule, so the quoted text is looked up in the file.
 */
final class SourceLocator {
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule[^\"]*\"([^\"]+)\"");
    private static final Pattern AFTER_COLON = Pattern.compile(":\\s*(.+)$");

    private SourceLocator() {
    }

    /** {line, column}, 1-based, or {0, 0} when the message quotes nothing found in the text. */
    static int[] locate(String source, String message) {
        for (String firstLine : message.split("\\R", 2)) {
            Matcher colon = AFTER_COLON.matcher(firstLine);
            if (colon.find()) {
                int[] at = find(source, colon.group(1).strip());
                if (at[0] > 0) {
                    return at;
                }
            }
            break;
        }
        Matcher rule = RULE_NAME.matcher(message);
        if (rule.find()) {
            return find(source, "\"" + rule.group(1) + "\"");
        }
        return new int[] {0, 0};
    }

    private static int[] find(String source, String needle) {
        if (needle.length() < 3) {
            return new int[] {0, 0};
        }
        int index = source.indexOf(needle);
        if (index < 0) {
            return new int[] {0, 0};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }
}
