package io.posunbind.ruleset;

import io.posunbind.engine.CompiledRuleSet;

/**
 * A validated rule set: the report, and the compiled rule set its scenarios ran on when it is valid. Whoever holds
 * it either hands the compiled rule set on (to be activated) or closes this.
 *
 * @param report   what validation found
 * @param compiled the compiled rule set, or null when the report is not valid
 */
public record CheckedRuleSet(ValidationReport report, CompiledRuleSet compiled) implements AutoCloseable {

    @Override
    public void close() {
        if (compiled != null) {
            compiled.close();
        }
    }
}
