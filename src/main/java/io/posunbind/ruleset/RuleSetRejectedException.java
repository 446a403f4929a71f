package io.posunbind.ruleset;



/** A candidate rule set failed validation and was neither stored nor activated (422, naming every problem). */
public class RuleSetRejectedException extends RuntimeException {
    private final transient ValidationReport report;

    public RuleSetRejectedException(String message, ValidationReport report) {
        super(message);
        this.report = report;
    }

    /** What validation found: errors with file, line and column, and every scenario's result. */
    public ValidationReport report() {
        return report;
    }
}
