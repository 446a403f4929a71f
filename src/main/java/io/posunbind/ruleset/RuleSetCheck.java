package io.posunbind.ruleset;

import java.util.List;
import java.util.Optional;

/**
 * What {@link RuleSetValidator} found: every problem, errors first, and the compiled rule set when there is no
 * error. The caller owns the compiled rule set and closes it (or this) when done.
 *
 * @param version  the rule set's version
 * @param problems errors and warnings, each with file, line and column
 * @param compiled the compiled rule set, or null when there is an error
 */
public record RuleSetCheck(String version, List<RuleProblem> problems, CompiledRuleSet compiled)
        implements AutoCloseable {

    public RuleSetCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return compiled != null && errors().isEmpty();
    }

    public List<RuleProblem> errors() {
        return problems.stream().filter(RuleProblem::isError).toList();
    }

    public List<RuleProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public Optional<CompiledRuleSet> ruleSet() {
        return Optional.ofNullable(compiled);
    }

    @Override
    public void close() {
        if (compiled != null) {
            compiled.close();
        }
    }
}
