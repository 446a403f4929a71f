package io.posunbind.audit;

import java.time.Instant;

import io.posunbind.storage.FieldHash;

/**
 * The tamper-evident hash of a decision record: SHA-256 over its fields in a fixed order ({@link FieldHash}); the
 * previous record's hash is one of the fields, which chains the records.
 */
public final class RecordHash {
    /** The previous hash of the first record of every chain. */
    public static final String GENESIS = "0".repeat(64);
    static final String SCHEME = "unbind-audit-v1";

    private RecordHash() {
    }

    /** The hash of the record's content; the record's own {@code hash} field is not part of it. */
    public static String of(DecisionRecord r) {
        return FieldHash.of(SCHEME).field(r.writerId()).field(Long.toString(r.sequence())).field(r.decisionId())
                .field(r.recordedAt()).field(r.requestedBy()).field(r.idempotencyKey()).field(r.rulesetVersion())
                .field(r.asOf().toString()).field(r.caseId()).field(r.merchantId()).field(r.verdict())
                .field(r.requestBody()).field(r.answerBody()).field(r.previousHash()).hex();
    }

    /** The instant as the store keeps it: truncated to microseconds, which H2 and PostgreSQL both hold exactly. */
    public static Instant storable(Instant instant) {
        return FieldHash.storable(instant);
    }

    static String timestamp(Instant instant) {
        return FieldHash.timestamp(instant);
    }
}
