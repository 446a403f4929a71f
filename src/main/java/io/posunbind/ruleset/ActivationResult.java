package io.posunbind.ruleset;

import java.time.Instant;

/**
 * The answer to an activation or a reload.
 *
 * @param version         the version deciding now
 * @param previousVersion the version that decided before
 * @param changed         false when the version was already the active one (nothing was recorded)
 * @param activatedAt     when it was activated (the earlier activation's time when nothing changed)
 * @param activatedBy     who activated it; empty when unknown
 */
public record ActivationResult(String version, String previousVersion, boolean changed, Instant activatedAt,
                               String activatedBy) {
}
