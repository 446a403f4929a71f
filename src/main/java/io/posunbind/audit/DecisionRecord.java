package io.posunbind.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the decision log, as stored. Append-only: once written, nothing in the service changes it.
 *
 * @param decisionId     the decision's id (also inside the answer)
 * @param writerId       the service instance that wrote it; each writer keeps its own hash chain
 * @param sequence       position in the writer's chain: 1, 2, 3...
 * @param recordedAt     when it was recorded, to the microsecond
 * @param requestedBy    who asked: the principal's name (records made before sign-in existed hold the client address)
 * @param idempotencyKey the Idempotency-Key it was recorded under, or null
 * @param rulesetVersion the rule-set version that decided
 * @param asOf           the evaluation date used
 * @param caseId         the client's case reference, or null
 * @param merchantId     the merchant, copied out of the request for filtering
 * @param verdict        the verdict, copied out of the answer for filtering
 * @param requestBody    the request bytes as received
 * @param answerBody     the answer bytes as sent
 * @param previousHash   the hash of the writer's previous record ({@link RecordHash#GENESIS} for the first)
 * @param hash           the hash over all fields above, see {@link RecordHash}
 */
public record DecisionRecord(String decisionId, String writerId, long sequence, Instant recordedAt,
                             String requestedBy, String idempotencyKey, String rulesetVersion, LocalDate asOf,
                             String caseId, String merchantId, String verdict, byte[] requestBody,
                             byte[] answerBody, String previousHash, String hash) {
}
