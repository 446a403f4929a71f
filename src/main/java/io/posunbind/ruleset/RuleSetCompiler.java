package io.posunbind.ruleset;

/**
 * Compiles a rule set for deciding, or refuses it naming every problem. Goes through {@link RuleSetValidator}, so
 * the safety lint and the checks run on every compilation: nothing that fails them ever decides.
 */
public class RuleSetCompiler {
    private final RuleSetValidator validator = new RuleSetValidator();

    /** Compiles the rule set, or throws {@link RuleSetCompilationException} naming every problem. */
    public CompiledRuleSet compile(RuleFiles ruleFiles) {
        RuleSetCheck check = validator.validate(ruleFiles);
        if (!check.valid()) {
            check.close();
            throw new RuleSetCompilationException(check.problems());
        }
        return check.compiled();
    }
}
