package io.posunbind.facts;

/** Risk signals raised against the merchant by monitoring. */
public enum RiskFlag {
    SUSPECTED_CASH_OUT, SUSPECTED_FRAUD, SUSPECTED_MONEY_LAUNDERING, UNAUTHORIZED_RELOCATION, DATA_LEAK
}
