package io.posunbind.facts;

/**
 * The verdict the verdict rules reached. Exactly one per decision.
 *
 * @param verdict the verdict
 */
public record Outcome(Verdict verdict) {
}
