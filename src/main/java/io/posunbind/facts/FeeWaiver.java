package io.posunbind.facts;

/**
 * The case's fees for leaving (account closure, early termination) are waived. A rule inserts it for the reasons
 * the policy names; the fee rules test {@code not FeeWaiver()}, so the list of reasons is written once.
 *
 * @param reason the reason that waives them
 */
public record FeeWaiver(Reason reason) {
}
