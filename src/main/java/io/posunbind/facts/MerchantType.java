package io.posunbind.facts;

/** Legal form of the merchant; an enterprise must also show its business licence. */
public enum MerchantType {
    ENTERPRISE, INDIVIDUAL
}
