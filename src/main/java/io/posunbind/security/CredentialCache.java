package io.posunbind.security;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers, for a short while, which user and password passed bcrypt, so a client that sends Basic credentials on
 * every request pays the deliberately slow hash once per TTL rather than on every call. Keys are a salted SHA-256
 * of name and password (the salt is random per process), never the password. Bounded: the least recently used go.
 */
final class CredentialCache {
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[32];
    private final Map<String, Long> verifiedUntil;

    CredentialCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
        this.verifiedUntil = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > CredentialCache.this.maxEntries;
            }
        };
    }

    boolean enabled() {
        return ttlNanos > 0 && maxEntries > 0;
    }

    /** True when this name and password passed bcrypt less than the TTL ago. */
    synchronized boolean verified(String name, char[] password) {
        if (!enabled()) {
            return false;
        }
        String key = key(name, password);
        Long until = verifiedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (until - nanoTime.getAsLong() <= 0) {
            verifiedUntil.remove(key);
            return false;
        }
        return true;
    }

    synchronized void remember(String name, char[] password) {
        if (enabled()) {
            verifiedUntil.put(key(name, password), nanoTime.getAsLong() + ttlNanos);
        }
    }

    synchronized int size() {
        return verifiedUntil.size();
    }

    private String key(String name, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
