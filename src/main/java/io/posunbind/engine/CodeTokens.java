package io.posunbind.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL text (and the Java inside it) into tokens with their 1-based line and column. Strings, character
 * literals, text blocks and comments are skipped exactly as the Java compiler reads them, so code cannot hide from
 * the safety lint inside what only looks like a string or a comment. Unicode escapes are not translated: the lint
 * refuses them outright (Java would translate them before reading the code, e.g. {@code \u000a} ends a comment).
 */
final class CodeTokens {

    enum Kind { IDENTIFIER, NUMBER, STRING, SYMBOL }

    record Token(Kind kind, String text, int line, int column, int offset) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean isIdentifier() {
            return kind == Kind.IDENTIFIER;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private CodeTokens(String text) {
        this.text = text;
    }

    static List<Token> of(String text) {
        return new CodeTokens(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int start = pos;
            int column = pos - lineStart + 1;
            int startLine = line;
            if (c == '\n') {
                newLine();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                skipUntil("*/", 2, false);
            } else if (text.startsWith("\"\"\"", pos)) {
                skipUntil("\"\"\"", 3, true);
                tokens.add(new Token(Kind.STRING, text.substring(start, pos), startLine, column, start));
            } else if (c == '"' || c == '\'') {
                skipQuoted(c);
                tokens.add(new Token(Kind.STRING, text.substring(start, pos), startLine, column, start));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, pos), startLine, column, start));
            } else if (Character.isDigit(c)) {
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                        || text.charAt(pos) == '_')) {
                    pos++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, pos), startLine, column, start));
            } else {
                boolean twoChar = text.startsWith("::", pos);
                pos += twoChar ? 2 : 1;
                tokens.add(new Token(Kind.SYMBOL, text.substring(start, pos), startLine, column, start));
            }
        }
        return tokens;
    }

    /**
     * Skips past the closing delimiter, counting lines; an unclosed comment or block runs to the end. A backslash
     * escapes only in text blocks: in a comment it is an ordinary character, as in Java.
     */
    private void skipUntil(String close, int openLength, boolean escapes) {
        pos += openLength;
        while (pos < text.length() && !text.startsWith(close, pos)) {
            if (escapes && text.charAt(pos) == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) != '\n') {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '\n') {
                newLine();
            } else {
                pos++;
            }
        }
        pos = Math.min(text.length(), pos + close.length());
    }

    /** A string or character literal ends at its unescaped quote or at the end of the line, as in Java. */
    private void skipQuoted(char quote) {
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote && text.charAt(pos) != '\n') {
            boolean escape = text.charAt(pos) == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) != '\n';
            pos += escape ? 2 : 1;
        }
        if (pos < text.length() && text.charAt(pos) == quote) {
            pos++;
        }
    }

    private void newLine() {
        pos++;
        line++;
        lineStart = pos;
    }
}
