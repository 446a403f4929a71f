package io.posunbind.facts;

/** Data-wipe level reached on the device (NIST SP 800-88 Clear / Purge / Destroy). */
public enum WipeLevel {
    NONE, LOGICAL_UNBIND, CLEAR, PURGE, DESTROY
}
