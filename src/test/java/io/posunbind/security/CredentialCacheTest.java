package io.posunbind.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CredentialCacheTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void trustsAVerifiedPasswordUntilTheTtlEnds() {
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 10, now::get);
        cache.remember("alice", "right".toCharArray());

        assertThat(cache.verified("alice", "right".toCharArray())).isTrue();
        assertThat(cache.verified("alice", "wrong".toCharArray())).isFalse();
        assertThat(cache.verified("bob", "right".toCharArray())).isFalse();

        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(cache.verified("alice", "right".toCharArray())).isFalse();
    }

    @Test
    void keepsAtMostItsSizeDroppingTheLeastRecentlyUsed() {
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 2, now::get);
        cache.remember("a", "p".toCharArray());
        cache.remember("b", "p".toCharArray());
        cache.verified("a", "p".toCharArray());
        cache.remember("c", "p".toCharArray());

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.verified("a", "p".toCharArray())).isTrue();
        assertThat(cache.verified("b", "p".toCharArray())).isFalse();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        CredentialCache cache = new CredentialCache(Duration.ZERO, 10, now::get);
        cache.remember("a", "p".toCharArray());

        assertThat(cache.verified("a", "p".toCharArray())).isFalse();
        assertThat(cache.size()).isZero();
    }
}
