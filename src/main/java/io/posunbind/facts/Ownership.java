package io.posunbind.facts;

/** Who owns the terminal and on what terms it was placed. */
public enum Ownership {
    MERCHANT_OWNED, PROVIDER_PLACED, DEPOSIT_BASED, THIRD_PARTY_LEASE
}
