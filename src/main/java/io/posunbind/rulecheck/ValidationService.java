package io.posunbind.rulecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.ruleset.RuleFiles;
import io.posunbind.ruleset.RuleProblem;
import io.posunbind.ruleset.RuleSetCheck;
import io.posunbind.ruleset.RuleSetValidator;
import io.posunbind.scenario.Scenario;
import io.posunbind.scenario.ScenarioFiles;
import io.posunbind.scenario.ScenarioFormatException;
import io.posunbind.scenario.ScenarioResult;
import io.posunbind.scenario.ScenarioRunner;

/**
 * Validates a candidate rule set: the rule files' checks and compilation ({@link RuleSetValidator}), then every
 * scenario. Lives above {@code ruleset} and {@code scenario} because it needs both: the scenario runner decides
 * through the decision engine, which depends on {@code ruleset}, so {@code ruleset} cannot call it back without a
 * package cycle. Plain Java as well as a bean: the command line uses it without starting the service. Activates
 * nothing.
 */
@ApplicationScoped
public class ValidationService {
    private final RuleSetValidator validator = new RuleSetValidator();
    private final ScenarioRunner runner = new ScenarioRunner();

    /** Validates files sent over HTTP ({@code {"files": {"path": "text"}}}). */
    public ValidationReport validateUpload(byte[] body) {
        return validate(RuleSetUpload.parse(body));
    }

    public ValidationReport validate(RuleFiles files) {
        try (CheckedRuleSet checked = check(files)) {
            return checked.report();
        }
    }

    /**
     * Validates and keeps the compiled rule set when it is valid, so the caller can activate the very rule set the
     * scenarios ran on instead of compiling it a second time. The caller owns (and closes) the result.
     */
    public CheckedRuleSet check(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (Map.Entry<String, String> file : files.scenarioFiles().entrySet()) {
            try {
                scenarios.addAll(ScenarioFiles.parse(Map.of(file.getKey(), file.getValue())));
            } catch (ScenarioFormatException e) {
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, e.file(), 0, 0,
                        "The scenario file cannot be read: " + e.getMessage().substring(e.file().length() + 2)));
            }
        }
        problems.addAll(ScenarioCodes.unknownCodes(files, scenarios));
        List<ScenarioResult> results = new ArrayList<>();
        RuleSetCheck check = validator.validate(files);
        problems.addAll(0, check.problems());
        if (check.valid()) {
            // One compiled rule set runs every scenario: compiling is the slow part, deciding is not.
            for (Scenario scenario : scenarios) {
                results.add(runner.run(check.compiled(), scenario));
            }
        }
        List<ValidationReport.Problem> errors = problems.stream().filter(RuleProblem::isError)
                .map(ValidationReport.Problem::of).toList();
        List<ValidationReport.Problem> warnings = problems.stream().filter(p -> !p.isError())
                .map(ValidationReport.Problem::of).toList();
        ValidationReport.Scenarios outcome = ValidationReport.Scenarios.of(results);
        ValidationReport report = new ValidationReport(errors.isEmpty() && outcome.failed() == 0, files.version(),
                errors, warnings, outcome);
        if (!report.valid()) {
            check.close();
            return new CheckedRuleSet(report, null);
        }
        return new CheckedRuleSet(report, check.compiled());
    }
}
