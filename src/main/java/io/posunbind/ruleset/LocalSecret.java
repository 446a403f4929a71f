package io.posunbind.ruleset;

/**
 * A secret kept outside the database (the audit signing key, {@code unbind.audit.signing-key-file}), from which keys
 * are derived to seal what the service keeps on its own disk. Whoever can write the database or the data directory,
 * but cannot read that secret, cannot make a sealed file the service accepts.
 */
public interface LocalSecret {
    /** A key of 32 bytes for one purpose; the same purpose gives the same key while the secret is the same. */
    byte[] derive(String purpose);
}
