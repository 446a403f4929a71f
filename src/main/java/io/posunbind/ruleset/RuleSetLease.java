package io.posunbind.ruleset;

import io.posunbind.engine.CompiledRuleSet;

/**
 * The use of one compiled rule set for as long as a decision (or a replay) needs it. While a lease is open the rule
 * set is not released, even when another version replaced it meanwhile; closing the lease lets it go.
 */
public interface RuleSetLease extends AutoCloseable {

    CompiledRuleSet ruleSet();

    @Override
    void close();

    /** A lease on a rule set the caller keeps alive itself; closing it releases nothing. */
    static RuleSetLease of(CompiledRuleSet ruleSet) {
        return new RuleSetLease() {
            @Override
            public CompiledRuleSet ruleSet() {
                return ruleSet;
            }

            @Override
            public void close() {
            }
        };
    }
}
