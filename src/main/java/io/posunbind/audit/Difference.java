package io.posunbind.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One way a replayed answer differs from the recorded one.
 *
 * @param field    what differs: {@code verdict}, {@code totals.fees}, {@code fees[EARLY_TERMINATION]},
 *                 {@code findings[MISSING_DOCUMENT/IDENTITY_PROOF]}, {@code firedRules[<rule name>]}...
 * @param change   {@code changed}, {@code added} (only in the replay) or {@code removed} (only in the record)
 * @param original the recorded value, null when added
 * @param replayed the replayed value, null when removed
 */
public record Difference(String field, String change, JsonNode original, JsonNode replayed) {
    static final String CHANGED = "changed";
    static final String ADDED = "added";
    static final String REMOVED = "removed";
}
