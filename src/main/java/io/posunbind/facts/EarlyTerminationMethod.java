package io.posunbind.facts;

/** How the contract prices leaving before the end of its term. */
public enum EarlyTerminationMethod {
    FLAT, PER_REMAINING_MONTH
}
