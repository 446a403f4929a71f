package io.posunbind.facts;

/** Where the device goes after the unbind. */
public enum Disposition {
    RETURN_TO_PROVIDER, MERCHANT_RETAINS, DESTROYED, LOST
}
