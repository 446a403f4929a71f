package io.posunbind.security;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.posunbind.config.UnbindConfig;
import io.quarkus.runtime.Startup;

/**
 * A token bucket per signed-in user, its size and rate taken from the user's roles
 * ({@code unbind.security.rate-limit."role".per-second} and {@code .burst}): the most generous of the user's roles
 * applies, and a user none of whose roles is limited is not limited. A refusal is counted in
 * {@code unbind_rate_limited_total}, tagged with the role whose limit applied; the counters are there from the start
 * (at 0), and a setting that names no role stops the start.
 *
 * <p>Buckets live per user name; when there are more than {@value #MAX_IDLE_KEPT} of them the full ones (users idle
 * long enough to have their whole burst back) are dropped, which loses nothing, so many OIDC subjects cannot grow it
 * without bound.
 */
@ApplicationScoped
@Startup
public class RateLimits {
    static final int MAX_IDLE_KEPT = 10_000;

    /** A role's limit: {@code perSecond} tokens a second, at most {@code burst} saved up. */
    record Limit(String role, double perSecond, double burst) {
    }

    /** What a request was told: let in, or refused with the whole seconds to wait before one more is let in. */
    public record Admission(boolean admitted, long retryAfterSeconds) {
        static final Admission IN = new Admission(true, 0);
    }

    private final Map<String, Limit> byRole;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final LongSupplier nanoTime;

    @Inject
    public RateLimits(UnbindConfig config, MeterRegistry registry) {
        this(limits(config.security().rateLimit()), registry, System::nanoTime);
    }

    RateLimits(Map<String, Limit> byRole, MeterRegistry registry, LongSupplier nanoTime) {
        this.byRole = byRole;
        this.registry = registry;
        this.nanoTime = nanoTime;
        byRole.keySet().forEach(this::refusals);
    }

    /** The configured limits, checked: a role that does not exist or a limit that lets nothing through is refused. */
    static Map<String, Limit> limits(Map<String, UnbindConfig.RateLimit> configured) {
        Map<String, Limit> limits = new TreeMap<>();
        configured.forEach((role, limit) -> {
            String setting = "unbind.security.rate-limit.\"" + role + "\"";
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException(setting + " names no role; the roles are "
                        + Roles.ALL.stream().sorted().toList());
            }
            if (!(limit.perSecond() > 0)) {
                throw new IllegalArgumentException(setting + ".per-second must be above 0, not " + limit.perSecond()
                        + " (remove the role's settings to leave it unlimited)");
            }
            int burst = limit.burst().orElse((int) Math.max(1, Math.ceil(limit.perSecond())));
            if (burst < 1) {
                throw new IllegalArgumentException(setting + ".burst must be at least 1, not " + burst);
            }
            limits.put(role, new Limit(role, limit.perSecond(), burst));
        });
        return Map.copyOf(limits);
    }

    /** Takes one request from the user's bucket. */
    public Admission admit(String user, Set<String> roles) {
        Optional<Limit> limit = roles.stream().map(byRole::get).filter(java.util.Objects::nonNull)
                .max(Comparator.comparingDouble(Limit::perSecond).thenComparingDouble(Limit::burst));
        if (limit.isEmpty()) {
            return Admission.IN;
        }
        if (buckets.size() > MAX_IDLE_KEPT) {
            dropFullBuckets();
        }
        Bucket bucket = buckets.computeIfAbsent(user, name -> new Bucket(limit.get(), nanoTime.getAsLong()));
        long waitNanos = bucket.take(limit.get(), nanoTime.getAsLong());
        if (waitNanos == 0) {
            return Admission.IN;
        }
        refusals(bucket.limit.role()).increment();
        return new Admission(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    private Counter refusals(String role) {
        return refused.computeIfAbsent(role, r -> Counter.builder("unbind.rate.limited")
                .description("Requests refused with 429 because a signed-in user went over the limit of their role")
                .tag("role", r)
                .register(registry));
    }

    private void dropFullBuckets() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int bucketCount() {
        return buckets.size();
    }

    /** Tokens refilled by elapsed time, capped at the burst; the limit may change when the user's roles do. */
    private static final class Bucket {
        private Limit limit;
        private double tokens;
        private long refilledAt;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        /** Takes a token and answers 0, or answers how many nanoseconds until one will be there. */
        synchronized long take(Limit current, long now) {
            limit = current;
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.burst();
        }

        private void refill(long now) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
            refilledAt = now;
        }
    }
}
