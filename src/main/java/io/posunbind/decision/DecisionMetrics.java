package io.posunbind.decision;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.posunbind.facts.Verdict;

/** Decisions counted by verdict, and how long deciding takes (a histogram, for percentiles in Prometheus). */
@ApplicationScoped
public class DecisionMetrics {
    private final java.util.EnumMap<Verdict, Counter> byVerdict = new java.util.EnumMap<>(Verdict.class);
    private final Timer latency;

    public DecisionMetrics(MeterRegistry registry) {
        for (Verdict verdict : Verdict.values()) {
            byVerdict.put(verdict, Counter.builder("unbind.decisions")
                    .description("Decisions answered, by verdict")
                    .tag("verdict", verdict.name())
                    .register(registry));
        }
        latency = Timer.builder("unbind.decision.duration")
                .description("Time to decide and record one case")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    void decided(Verdict verdict, long nanos) {
        byVerdict.get(verdict).increment();
        latency.record(Duration.ofNanos(nanos));
    }
}
