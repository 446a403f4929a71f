package io.posunbind.audit;

import java.time.Instant;
import java.time.LocalDate;

import io.posunbind.decision.DecisionAnswer;
import io.posunbind.decision.DecisionToRecord;

/** The content of a record before the chain gives it a writer, a sequence, a time and hashes. */
record NewRecord(String decisionId, String requestedBy, String idempotencyKey, String rulesetVersion,
                 LocalDate asOf, String caseId, String merchantId, String verdict, byte[] requestBody,
                 byte[] answerBody) {

    static NewRecord of(DecisionToRecord d) {
        DecisionAnswer answer = d.result().answer();
        String merchantId = d.request().path("merchant").path("merchantId").textValue();
        return new NewRecord(answer.decisionId(), d.requestedBy() == null ? "" : d.requestedBy(),
                d.idempotencyKey(), answer.rulesetVersion(), answer.asOf(), answer.caseId(), merchantId,
                answer.verdict().name(), d.requestBody(), d.result().json());
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
