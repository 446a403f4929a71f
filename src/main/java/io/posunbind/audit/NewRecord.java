package io.posunbind.audit;

import java.time.Instant;
import java.time.LocalDate;

import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionResult;

/**
 * A decision about to be answered, as the log records it, before the chain gives it a writer, a sequence, a time
 * and hashes.
 */
public record NewRecord(String decisionId, String requestedBy, String idempotencyKey, String rulesetVersion,
                        LocalDate asOf, String caseId, String merchantId, String verdict, byte[] requestBody,
                        byte[] answerBody) {

    /**
     * @param requestBody    the request bytes as received
     * @param facts          the same request as the rules saw it
     * @param result         the answer and its exact bytes
     * @param requestedBy    who asked: the signed-in principal's name
     * @param idempotencyKey the Idempotency-Key header, or null
     */
    public static NewRecord of(byte[] requestBody, CaseFacts facts, DecisionResult result, String requestedBy,
                               String idempotencyKey) {
        DecisionAnswer answer = result.answer();
        return new NewRecord(answer.decisionId(), requestedBy == null ? "" : requestedBy, idempotencyKey,
                answer.rulesetVersion(), answer.asOf(), answer.caseId(), facts.merchant().merchantId(),
                answer.verdict().name(), requestBody, result.json());
    }

    /** The stored record: this content placed in a chain, hashed. */
    DecisionRecord chained(String writerId, long sequence, Instant recordedAt, String previousHash) {
        DecisionRecord unhashed = new DecisionRecord(decisionId, writerId, sequence, recordedAt, requestedBy,
                idempotencyKey, rulesetVersion, asOf, caseId, merchantId, verdict, requestBody, answerBody,
                previousHash, null);
        return new DecisionRecord(decisionId, writerId, sequence, recordedAt, requestedBy, idempotencyKey,
                rulesetVersion, asOf, caseId, merchantId, verdict, requestBody, answerBody, previousHash,
                RecordHash.of(unhashed));
    }
}
