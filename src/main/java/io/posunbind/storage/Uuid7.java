package io.posunbind.storage;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp followed by random bits, so ids sort by the time they were
 * made and index well, and still cannot be guessed. Decision ids and instance ids are made this way.
 */
public final class Uuid7 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuid7() {
    }

    public static String next(Instant at) {
        long millis = at.toEpochMilli();
        long randA = RANDOM.nextInt(1 << 12);
        long high = (millis << 16) | 0x7000L | randA;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
