package io.posunbind.decision;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.audit.DecisionRecord;
import io.posunbind.audit.DecisionRecorder;
import io.posunbind.engine.AnswerJson;
import io.posunbind.engine.DecisionResult;
import io.posunbind.engine.RequestJson;
import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;

/**
 * What an Idempotency-Key means: absent, or 1 to 128 characters; the same key with the same request answers the
 * decision recorded under it, byte for byte; the same key with another request is a conflict (409). The database's
 * unique constraint makes the first record win across instances and concurrent retries.
 */
final class IdempotencyKeys {
    static final int MAX_LENGTH = 128;
    static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent; throws {@link InvalidRequestException} naming the header otherwise. */
    static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new InvalidRequestException(List.of(new FieldError(HEADER,
                    "must be 1 to " + MAX_LENGTH + " characters long; it has " + key.length())));
        }
        return key;
    }

    /**
     * The decision recorded under the key, when its request is this one.
     *
     * @throws IdempotencyConflictException when the key was recorded with a different request
     */
    static Optional<DecisionResult> earlier(DecisionRecorder log, String key, JsonNode request) {
        Optional<DecisionRecord> earlier = log.byIdempotencyKey(key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        DecisionRecord record = earlier.get();
        if (!RequestJson.read(record.requestBody()).equals(request)) {
            throw new IdempotencyConflictException(key, record.decisionId());
        }
        return Optional.of(new DecisionResult(AnswerJson.read(record.answerBody()), record.answerBody()));
    }
}
