package io.posunbind.facts;

/** State of the merchant's acquiring contract on the evaluation date. */
public enum ContractStatus {
    ACTIVE, EXPIRED, TERMINATED_BY_AGREEMENT, SUSPENDED
}
