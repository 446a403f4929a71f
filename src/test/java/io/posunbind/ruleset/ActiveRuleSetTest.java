package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void nothingIsLeasedBeforeARuleSetIsLoaded() {
        assertThatThrownBy(() -> new ActiveRuleSet().acquire()).isInstanceOf(RuleSetException.class);
    }
}
