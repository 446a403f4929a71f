package io.posunbind.engine;

/** The rule set produced a result the contract cannot express (no verdict, two verdicts); nothing is answered. */
public class RuleSetDefectException extends RuntimeException {
    public RuleSetDefectException(String message) {
        super(message);
    }
}
