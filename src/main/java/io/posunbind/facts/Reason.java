package io.posunbind.facts;

/** Why the merchant asks to unbind the terminal. */
public enum Reason {
    SWITCH_PROVIDER, BUSINESS_ADJUSTMENT, BUSINESS_CLOSURE, SETTLEMENT_ISSUE, COMPLIANCE_REQUIREMENT, TECH_OBSOLETE, CONTRACT_END, DEVICE_FAULT, LOST_STOLEN
}
