package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.posunbind.engine.RuleProblem;
import io.posunbind.scenario.ScenarioAcceptance;
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
 * @param accepted  what was accepted into the scenario files, when that was asked for; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationReport(boolean valid, String version, List<RuleProblem> errors, List<RuleProblem> warnings,
                               Scenarios scenarios, ScenarioAcceptance.Accepted accepted) {

    static ValidationReport of(String version, List<RuleProblem> problems, List<ScenarioResult> results) {
        List<RuleProblem> errors = problems.stream().filter(RuleProblem::isError).toList();
        List<RuleProblem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        Scenarios scenarios = Scenarios.of(results);
        return new ValidationReport(errors.isEmpty() && scenarios.failed() == 0, version, errors, warnings, scenarios,
                null);
    }

    /** The same report with only the failed scenarios' results: what a reader acts on, a few hundred bytes. */
    public ValidationReport failedScenariosOnly() {
        return new ValidationReport(valid, version, errors, warnings, new Scenarios(scenarios.passed(),
                scenarios.failed(), scenarios.results().stream().filter(r -> !r.passed()).toList()), accepted);
    }

    /** The same report saying what was accepted. */
    public ValidationReport with(ScenarioAcceptance.Accepted acceptedFiles) {
        return new ValidationReport(valid, version, errors, warnings, scenarios, acceptedFiles);
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
