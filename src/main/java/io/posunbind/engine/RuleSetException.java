package io.posunbind.engine;

/** A rule set cannot be read or used; the message says why in words a compliance officer understands. */
public class RuleSetException extends RuntimeException {
    public RuleSetException(String message) {
        super(message);
    }
}
