package io.posunbind.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.posunbind.config.UnbindConfig;

/** The token buckets on a clock the test moves: bursts, refill, Retry-After, several roles, and bad settings. */
class RateLimitsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private RateLimits limits(Map<String, UnbindConfig.RateLimit> configured) {
        return new RateLimits(RateLimits.limits(configured), registry, now::get);
    }

    private static UnbindConfig.RateLimit limit(double perSecond, Integer burst) {
        return new UnbindConfig.RateLimit() {
            @Override
            public double perSecond() {
                return perSecond;
            }

            @Override
            public Optional<Integer> burst() {
                return Optional.ofNullable(burst);
            }
        };
    }

    private double refused(String role) {
        return registry.get("unbind.rate.limited").tag("role", role).counter().count();
    }

    @Test
    void aUserGetsTheBurstThenOneRequestPerTokenAndIsToldHowLongToWait() {
        RateLimits limits = limits(Map.of(Roles.AUDITOR, limit(2, 3)));
        Set<String> auditor = Set.of(Roles.AUDITOR);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit("ann", auditor).admitted()).isTrue();
        }
        RateLimits.Admission refused = limits.admit("ann", auditor);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused("auditor")).isEqualTo(1);

        now.addAndGet(499_000_000L);
        assertThat(limits.admit("ann", auditor).admitted()).as("half a token after 0.499 s").isFalse();
        now.addAndGet(2_000_000L);
        assertThat(limits.admit("ann", auditor).admitted()).as("a whole token after 0.501 s").isTrue();
        assertThat(limits.admit("bob", auditor).admitted()).as("each user has a bucket of their own").isTrue();
        assertThat(refused("auditor")).isEqualTo(2);
    }

    @Test
    void aQuietSpellGivesBackNoMoreThanTheBurst() {
        RateLimits limits = limits(Map.of(Roles.RULES_ADMIN, limit(10, 5)));
        Set<String> admin = Set.of(Roles.RULES_ADMIN);
        now.addAndGet(3_600_000_000_000L);
        int admitted = 0;
        while (limits.admit("ann", admin).admitted()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(5);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        RateLimits limits = limits(Map.of(Roles.AUDITOR, limit(0.2, 1)));
        assertThat(limits.admit("ann", Set.of(Roles.AUDITOR)).admitted()).isTrue();
        assertThat(limits.admit("ann", Set.of(Roles.AUDITOR)).retryAfterSeconds()).isEqualTo(5);
        now.addAndGet(2_500_000_000L);
        assertThat(limits.admit("ann", Set.of(Roles.AUDITOR)).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void theMostGenerousRoleAppliesAndAnUnlimitedRoleIsNotLimited() {
        RateLimits limits = limits(Map.of(Roles.AUDITOR, limit(1, 1), Roles.DECISION_CLIENT, limit(100, 10)));
        int admitted = 0;
        while (limits.admit("both", Set.of(Roles.AUDITOR, Roles.DECISION_CLIENT)).admitted()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(10);
        assertThat(refused("decision-client")).isEqualTo(1);
        assertThat(refused("auditor")).isZero();
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.admit("approver", Set.of(Roles.RULES_APPROVER)).admitted()).isTrue();
        }
    }

    @Test
    void theBurstIsOneSecondsWorthUnlessSet() {
        RateLimits limits = limits(Map.of(Roles.AUDITOR, limit(2.5, null)));
        int admitted = 0;
        while (limits.admit("ann", Set.of(Roles.AUDITOR)).admitted()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(3);
    }

    @Test
    void idleUsersBucketsAreDroppedWhenThereAreManyButBusyOnesAreKept() {
        RateLimits limits = limits(Map.of(Roles.DECISION_CLIENT, limit(1, 2)));
        Set<String> client = Set.of(Roles.DECISION_CLIENT);
        limits.admit("busy", client);
        limits.admit("busy", client);
        for (int i = 0; i <= RateLimits.MAX_IDLE_KEPT; i++) {
            limits.admit("subject-" + i, client);
        }
        now.addAndGet(1_000_000_000L);
        limits.admit("busy", client);
        limits.admit("busy", client);
        limits.admit("newcomer", client);
        assertThat(limits.bucketCount()).isLessThan(10);
        assertThat(limits.admit("busy", client).admitted()).as("the busy user's bucket was kept, empty").isFalse();
    }

    @Test
    void settingsThatNameNoRoleOrLetNothingThroughAreRefusedWithTheirName() {
        assertThatThrownBy(() -> RateLimits.limits(Map.of("auditors", limit(1, 1))))
                .hasMessage("unbind.security.rate-limit.\"auditors\" names no role; the roles are "
                        + "[auditor, decision-client, rules-admin, rules-approver]");
        assertThatThrownBy(() -> RateLimits.limits(Map.of("auditor", limit(0, 1))))
                .hasMessageContaining("unbind.security.rate-limit.\"auditor\".per-second must be above 0, not 0.0");
        assertThatThrownBy(() -> RateLimits.limits(Map.of("auditor", limit(1, 0))))
                .hasMessage("unbind.security.rate-limit.\"auditor\".burst must be at least 1, not 0");
    }
}
