package io.posunbind.decision;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where answered decisions are recorded, durably, before they are answered. The audit package implements it; the
 * decision package only states what it needs, so deciding does not depend on how records are stored.
 */
public interface DecisionLog {

    /**
     * The decision recorded earlier under this Idempotency-Key for the same request, if any.
     *
     * @throws IdempotencyConflictException   when the key was used for a different request
     * @throws DecisionNotRecordedException   when the log cannot be read
     */
    Optional<DecisionResult> recorded(String idempotencyKey, JsonNode request);

    /**
     * Records the decision and returns the one that stands: this one, or, when a concurrent request with the same
     * Idempotency-Key and the same body was recorded first, that one.
     *
     * @throws IdempotencyConflictException   when a different request was recorded under the same key
     * @throws DecisionNotRecordedException   when the record cannot be written; the decision must not be answered
     */
    DecisionResult record(DecisionToRecord decision);
}
