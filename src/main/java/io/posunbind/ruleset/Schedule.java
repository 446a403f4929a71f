package io.posunbind.ruleset;

import java.time.Instant;

/**
 * A pending scheduled activation: a row of ruleset_schedule that was neither cancelled nor has taken effect.
 *
 * @param id          the schedule's id
 * @param version     the version that becomes active
 * @param effectiveAt when, on every instance
 * @param scheduledAt when it was scheduled
 * @param scheduledBy who scheduled it
 */
public record Schedule(long id, String version, Instant effectiveAt, Instant scheduledAt, String scheduledBy) {
}
