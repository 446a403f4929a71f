package io.posunbind.decision;

/** An Idempotency-Key was used before with a different request body. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String idempotencyKey, String recordedDecisionId) {
        super("The Idempotency-Key '" + idempotencyKey + "' was used for a different request (decision "
                + recordedDecisionId + "); use a new key for a new request");
    }
}
