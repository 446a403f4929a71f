package io.posunbind.decision;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Decision ids are UUID version 7 (RFC 9562): a millisecond timestamp followed by random bits, so ids sort by the
 * time they were made and index well, and still cannot be guessed.
 */
public final class DecisionIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DecisionIds() {
    }

    public static String next(Instant at) {
        long millis = at.toEpochMilli();
        long randA = RANDOM.nextInt(1 << 12);
        long high = (millis << 16) | 0x7000L | randA;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
