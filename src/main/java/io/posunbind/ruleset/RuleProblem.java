package io.posunbind.ruleset;

/**
 * One problem found in a rule file.
 *
 * @param level   ERROR (the rule set cannot be used) or WARNING
 * @param file    the rule file's relative path
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record RuleProblem(Level level, String file, int line, int column, String message) {

    public enum Level { ERROR, WARNING }

    @Override
    public String toString() {
        return level + " " + file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + " " + message;
    }
}
