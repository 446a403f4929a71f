package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.List;

import io.posunbind.engine.RuleProblem;
import io.posunbind.scenario.ScenarioResult;

/**
 * The answer to "may this rule set go live?": its problems and the result of every scenario. Valid means no error
 * and no failed scenario; warnings do not make it invalid.
 *
 * @param valid     true when the rule set compiles, is safe and passes every scenario
 * @param version   the rule set's version ({@code sha256:...}); scenarios and docs do not change it
 * @param errors    what must be fixed, each with file, line and column
 * @param warnings  what is probably wrong but does not stop the rule set
 * @param scenarios the scenarios' results; none run when there is an error
 */
public record ValidationReport(boolean valid, String version, List<RuleProblem> errors, List<RuleProblem> warnings,
                               Scenarios scenarios) {

    static ValidationReport of(String version, List<RuleProblem> problems, List<ScenarioResult> results) {
        List<RuleProblem> errors = problems.stream().filter(RuleProblem::isError).toList();
        List<RuleProblem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        Scenarios scenarios = Scenarios.of(results);
        return new ValidationReport(errors.isEmpty() && scenarios.failed() == 0, version, errors, warnings, scenarios);
    }

    /** How many scenarios passed and failed, and each one's result. */
    public record Scenarios(int passed, int failed, List<ScenarioResult> results) {
        static Scenarios of(List<ScenarioResult> results) {
            int passed = (int) results.stream().filter(ScenarioResult::passed).count();
            return new Scenarios(passed, results.size() - passed, List.copyOf(results));
        }
    }

    /** One thing that keeps the rule set from going live: where ({@code file:line:column}, or a scenario) and what. */
    public record Failure(String where, String what) {
    }

    /** Each error and each failed scenario, as a log, a problem body or a terminal shows them. */
    public List<Failure> failures() {
        List<Failure> failures = new ArrayList<>();
        errors.forEach(e -> failures.add(new Failure(e.location(), e.message())));
        for (ScenarioResult result : scenarios.results()) {
            if (!result.passed()) {
                failures.add(new Failure(result.displayName(), "scenario failed: " + String.join("; ",
                        result.mismatches())));
            }
        }
        return failures;
    }

    /** {@link #failures()} as indented lines of text. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        failures().forEach(f -> text.append("  ").append(f.where()).append(": ").append(f.what()).append('\n'));
        return text.toString();
    }
}
