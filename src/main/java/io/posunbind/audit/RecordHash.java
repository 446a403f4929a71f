package io.posunbind.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The tamper-evident hash of a decision record: SHA-256 over its fields in a fixed order, each written as its
 * length in bytes (decimal ASCII, -1 for null), a NUL, and its bytes. The length prefixes keep two different
 * records from encoding alike; the previous record's hash is one of the fields, which chains the records.
 */
public final class RecordHash {
    /** The previous hash of the first record of every chain. */
    public static final String GENESIS = "0".repeat(64);
    static final String SCHEME = "unbind-audit-v1";
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RecordHash() {
    }

    /** The hash of the record's content; the record's own {@code hash} field is not part of it. */
    public static String of(DecisionRecord r) {
        MessageDigest digest = sha256();
        field(digest, SCHEME);
        field(digest, r.writerId());
        field(digest, Long.toString(r.sequence()));
        field(digest, r.decisionId());
        field(digest, timestamp(r.recordedAt()));
        field(digest, r.requestedBy());
        field(digest, r.idempotencyKey());
        field(digest, r.rulesetVersion());
        field(digest, r.asOf().toString());
        field(digest, r.caseId());
        field(digest, r.merchantId());
        field(digest, r.verdict());
        field(digest, r.requestBody());
        field(digest, r.answerBody());
        field(digest, r.previousHash());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The instant as the store keeps it: truncated to microseconds, which H2 and PostgreSQL both hold exactly. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String timestamp(Instant instant) {
        return MICROS.format(instant);
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(Integer.toString(value == null ? -1 : value.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
