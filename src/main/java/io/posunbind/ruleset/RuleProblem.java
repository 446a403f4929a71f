package io.posunbind.ruleset;

/**
 * One problem found in a rule set.
 *
 * @param level   ERROR (the rule set cannot be used) or WARNING
 * @param file    the file's relative path, or "(rule set)" when the problem is not in one file
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong, in words a compliance officer understands
 * @param detail  the rule compiler's own words when the message rewrites them, else null
 */
public record RuleProblem(Level level, String file, int line, int column, String message, String detail) {

    public enum Level { ERROR, WARNING }

    public RuleProblem(Level level, String file, int line, int column, String message) {
        this(level, file, line, column, message, null);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code file:line:column}, leaving out what is unknown. */
    public String location() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }

    @Override
    public String toString() {
        return level + " " + location() + " " + message;
    }
}
