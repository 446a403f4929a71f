package io.posunbind.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem found in a rule set.
 *
 * @param level   ERROR (the rule set cannot be used) or WARNING
 * @param file    the file's relative path, or {@link #WHOLE_RULE_SET} when the problem is not in one file
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong, in words a compliance officer understands
 * @param detail  the rule compiler's own words when the message rewrites them, else null; for a developer reading
 *                the code or a debugger, never shown to officers: it can name Java classes
 */
public record RuleProblem(@JsonIgnore Level level, String file, int line, int column, String message,
                          @JsonIgnore String detail) {
    /** The file named by a problem that is about the rule set as a whole, not one of its files. */
    public static final String WHOLE_RULE_SET = "(rule set)";

    public enum Level { ERROR, WARNING }

    public RuleProblem(Level level, String file, int line, int column, String message) {
        this(level, file, line, column, message, null);
    }

    @JsonIgnore
    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code file:line:column} of this problem, leaving out what is unknown. */
    @JsonIgnore
    public String location() {
        return at(file, line, column);
    }

    /** {@code file:line:column}, leaving out what is unknown: the one way a place in a rule set is written. */
    public static String at(String file, int line, int column) {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }

    @Override
    public String toString() {
        return level + " " + location() + " " + message;
    }
}
