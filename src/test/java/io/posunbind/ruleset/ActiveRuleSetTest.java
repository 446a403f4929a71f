package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.engine.RuleSetException;

/** The atomic swap: a lease keeps its rule set alive through swaps, and the replaced one is released after it. */
class ActiveRuleSetTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void aReplacedRuleSetIsReleasedWhenItsLastLeaseEndsAndNotBefore() {
        ActiveRuleSet active = new ActiveRuleSet();
        CompiledRuleSet first = compiler.compile(RuleSetCacheTest.version("first"));
        CompiledRuleSet second = compiler.compile(RuleSetCacheTest.version("second"));
        active.swap(first);

        RuleSetLease lease = active.acquire();
        assertThat(active.swap(second)).isEqualTo(first.version());

        assertThat(lease.ruleSet()).isSameAs(first);
        assertThat(first.isClosed()).as("still leased by a decision in flight").isFalse();
        assertThat(lease.ruleSet().run(java.util.List.of(new io.posunbind.facts.UnbindCase(null, null, null,
                java.util.Set.of()))).firedRules()).containsExactly("Approve (first)");
        lease.close();
        lease.close();
        assertThat(first.isClosed()).isTrue();
        try (RuleSetLease next = active.acquire()) {
            assertThat(next.ruleSet()).isSameAs(second);
        }
        assertThat(second.isClosed()).isFalse();
        active.clear();
        assertThat(second.isClosed()).isTrue();
    }

    @Test
    void aRuleSetReplacedWithoutLeasesIsReleasedAtOnce() {
        ActiveRuleSet active = new ActiveRuleSet();
        CompiledRuleSet first = compiler.compile(RuleSetCacheTest.version("first"));
        active.swap(first);
        active.swap(compiler.compile(RuleSetCacheTest.version("second")));

        assertThat(first.isClosed()).isTrue();
        assertThat(active.version()).isEqualTo(RuleSetCacheTest.version("second").version());
        active.clear();
    }

    /**
     * Every lease taken at or after a scheduled instant is on the armed version, however many threads reach the
     * instant together: none may slip between the schedule being taken and the swap, and lease the old one.
     */
    @Test
    void noLeaseAtOrAfterTheInstantIsOnTheOldVersion() throws Exception {
        int threads = 4;
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        // A swap made slow, as on a busy machine, so the other threads reach the instant while it is under way.
        ActiveRuleSet active = new ActiveRuleSet() {
            @Override
            public String swap(CompiledRuleSet next) {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.swap(next);
            }
        };
        active.swap(compiler.compile(RuleSetCacheTest.version("first")));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                // Each round arms the other version; the one it replaces is released by the swap.
                CompiledRuleSet next = compiler.compile(RuleSetCacheTest.version(round % 2 == 0 ? "second" : "first"));
                active.arm(round, at, next);
                CyclicBarrier together = new CyclicBarrier(threads);
                List<Future<String>> leased = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    leased.add(pool.submit(() -> {
                        together.await();
                        try (RuleSetLease lease = active.acquire(at)) {
                            return lease.ruleSet().version();
                        }
                    }));
                }
                for (Future<String> version : leased) {
                    assertThat(version.get()).as("round %d", round).isEqualTo(next.version());
                }
                assertThat(active.armedSchedule()).isEqualTo(-1);
            }
        } finally {
            pool.shutdownNow();
            active.clear();
        }
    }

    @Test
    void nothingIsLeasedBeforeARuleSetIsLoaded() {
        assertThatThrownBy(() -> new ActiveRuleSet().acquire()).isInstanceOf(RuleSetException.class);
    }
}
