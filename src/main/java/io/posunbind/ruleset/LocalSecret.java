package io.posunbind.ruleset;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret kept outside the database (the audit signing key, {@code unbind.audit.signing-key-file}), from which keys
 * are derived to seal what the service keeps for its own use (compiled rule sets, {@link KeptModels}). Whoever can
 * write the database but cannot read that secret cannot make a sealed row the service accepts.
 */
public interface LocalSecret {
    /** A key of 32 bytes for one purpose; the same purpose gives the same key while the secret is the same. */
    byte[] derive(String purpose);

    /** HMAC-SHA256 under the key of the parts, one after the other: how keys are derived and seals are made. */
    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
