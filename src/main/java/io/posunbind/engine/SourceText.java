package io.posunbind.engine;

/** Positions in a file's text, 1-based as an editor shows them. */
public final class SourceText {

    private SourceText() {
    }

    /** {line, column} of a character offset. */
    public static int[] position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, end - lineStart + 1};
    }

    /** The character offset of a 1-based line and column, or -1 when the line does not exist. */
    static int offset(String text, int line, int column) {
        int current = 1;
        int i = 0;
        while (current < line) {
            i = text.indexOf('\n', i);
            if (i < 0) {
                return -1;
            }
            i++;
            current++;
        }
        return Math.min(text.length(), i + Math.max(column, 1) - 1);
    }
}
