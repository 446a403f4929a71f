package io.posunbind.audit;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Which recorded decisions a simulation replays: those recorded in [from, to), the newest {@code limit} of them.
 *
 * @param from  recorded at or after; null: from the first
 * @param to    recorded before; null: up to now
 * @param limit       at most this many, the newest
 * @param waitSeconds how long the request waits for the report before it answers 202
 */
public record SimulationScope(Instant from, Instant to, int limit, int waitSeconds) {
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 1_000_000;
    static final int DEFAULT_WAIT = 10;
    static final int MAX_WAIT = 60;

    /** Reads the query parameters (a date or an instant for from and to); every bad one named in one 400. */
    public static SimulationScope of(String from, String to, String limit, String wait, ZoneId zone) {
        return QueryParameters.simulation(from, to, limit, wait, zone);
    }
}
