package io.posunbind.security;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Bcrypt through Elytron. Hashes from other tools ({@code htpasswd -B} writes {@code $2y$}, others {@code $2b$})
 * are the same algorithm under another prefix, so they are read as {@code $2a$}.
 */
final class Bcrypt {
    /** Cost of new hashes: 2^10 rounds, about 50 to 100 ms on a server core. */
    static final int COST = 10;

    private Bcrypt() {
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    static boolean matches(String password, String hash) {
        String modular = hash.startsWith("$2b$") || hash.startsWith("$2y$") ? "$2a$" + hash.substring(4) : hash;
        return BcryptUtil.matches(password, modular);
    }
}
