package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.engine.RuleSetException;
import io.posunbind.facts.Outcome;
import io.posunbind.facts.UnbindCase;

/** The bounded cache of compiled rule sets that replay uses. */
class RuleSetCacheTest {
    private static CompiledRuleSet active;

    @BeforeAll
    static void compileActive() {
        active = new RuleSetCompiler().compile(version("ACTIVE"));
    }

    @AfterAll
    static void releaseActive() {
        active.close();
    }

    /** A one-rule rule set whose text (and so version) differs by name. */
    static RuleFiles version(String name) {
        return RuleFiles.of(Map.of("verdict/verdict.drl", """
                package verdict;
                import io.posunbind.facts.*;
                rule "Approve (%s)"
                when
                    UnbindCase()
                then
                    insert(new Outcome(Verdict.APPROVED));
                end
                """.formatted(name)));
    }

    static Supplier<RuleFiles> counting(RuleFiles files, AtomicInteger loads) {
        return () -> {
            loads.incrementAndGet();
            return files;
        };
    }

    @Test
    void compilesAVersionOnceAndReleasesTheLeastRecentlyUsedPastItsCapacity() {
        RuleSetCache cache = new RuleSetCache(() -> RuleSetLease.of(active), 2);
        RuleFiles a = version("A");
        RuleFiles b = version("B");
        RuleFiles c = version("C");
        AtomicInteger loadsOfA = new AtomicInteger();

        CompiledRuleSet first;
        try (RuleSetCache.Lease lease = cache.lease(a.version(), counting(a, loadsOfA))) {
            first = lease.ruleSet();
        }
        try (RuleSetCache.Lease again = cache.lease(a.version(), counting(a, loadsOfA))) {
            assertThat(again.ruleSet()).isSameAs(first);
        }
        assertThat(loadsOfA).hasValue(1);
        cache.lease(b.version(), () -> b).close();
        cache.lease(c.version(), () -> c).close();

        assertThat(cache.size()).isEqualTo(2);
        assertThat(first.isClosed()).as("A was least recently used and is released").isTrue();
        cache.lease(a.version(), counting(a, loadsOfA)).close();
        assertThat(loadsOfA).hasValue(2);
    }

    @Test
    void neverClosesARuleSetStillInUse() {
        RuleSetCache cache = new RuleSetCache(() -> RuleSetLease.of(active), 1);
        RuleFiles a = version("A");
        RuleFiles b = version("B");

        RuleSetCache.Lease held = cache.lease(a.version(), () -> a);
        cache.lease(b.version(), () -> b).close();

        assertThat(held.ruleSet().isClosed()).isFalse();
        assertThat(held.ruleSet().run(List.of(new UnbindCase("C", java.time.LocalDate.of(2026, 1, 1),
                io.posunbind.facts.Reason.CONTRACT_END, java.util.Set.of()))).all(Outcome.class)).hasSize(1);
        held.close();
        assertThat(held.ruleSet().isClosed()).as("released once its last lease ended").isTrue();
    }

    @Test
    void answersTheActiveRuleSetForItsVersionWithoutHoldingOrClosingIt() {
        RuleSetCache cache = new RuleSetCache(() -> RuleSetLease.of(active), 1);

        try (RuleSetCache.Lease lease = cache.lease(active.version(), () -> {
            throw new AssertionError("the active version is never compiled again");
        })) {
            assertThat(lease.ruleSet()).isSameAs(active);
        }
        RuleFiles a = version("A");
        cache.lease(a.version(), () -> a).close();
        cache.lease(version("B").version(), () -> version("B")).close();

        assertThat(cache.size()).isEqualTo(1);
        assertThat(active.isClosed()).isFalse();
    }

    @Test
    void refusesFilesOfAnotherVersion() {
        RuleSetCache cache = new RuleSetCache(() -> RuleSetLease.of(active), 1);

        assertThatThrownBy(() -> cache.lease(version("A").version(), () -> version("B")))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("are version");
        assertThat(cache.size()).isZero();
    }
}
