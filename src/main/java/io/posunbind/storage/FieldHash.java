package io.posunbind.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * SHA-256 over fields in a fixed order, each written as its length in bytes (decimal ASCII, -1 for null), a NUL,
 * and its bytes: the length prefixes keep two different lists of fields from encoding alike. The hash of every
 * tamper-evident row of the store, decision records and rule-set events alike.
 */
public final class FieldHash {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final MessageDigest digest;

    private FieldHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A hash that starts with the scheme's name, so hashes of different kinds of row never coincide. */
    public static FieldHash of(String scheme) {
        return new FieldHash().field(scheme);
    }

    public FieldHash field(String value) {
        return field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public FieldHash field(byte[] value) {
        digest.update(Integer.toString(value == null ? -1 : value.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        if (value != null) {
            digest.update(value);
        }
        return this;
    }

    /** An instant as the store keeps it, to the microsecond; null stays null. */
    public FieldHash field(Instant value) {
        return field(value == null ? null : timestamp(value));
    }

    /** The hash, as 64 lower-case hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The instant as the store keeps it: truncated to microseconds, which H2 and PostgreSQL both hold exactly. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The instant written to the microsecond, in UTC. */
    public static String timestamp(Instant instant) {
        return MICROS.format(instant);
    }
}
