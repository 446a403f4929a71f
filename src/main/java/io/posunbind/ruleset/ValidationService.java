package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleProblem;
import io.posunbind.engine.RuleSetCompilationException;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.engine.TextsCheck;
import io.posunbind.scenario.Scenario;
import io.posunbind.scenario.ScenarioFiles;
import io.posunbind.scenario.ScenarioFormatException;
import io.posunbind.scenario.ScenarioResult;
import io.posunbind.scenario.ScenarioRunner;

/**
 * Validates a candidate rule set: the rule files' checks and compilation ({@link RuleSetCompiler}), its texts in
 * every language ({@link TextsCheck}), then every scenario on the compiled rule set. Plain Java as well as a bean: the command line uses it without starting the
 * service. Activates nothing.
 */
@ApplicationScoped
public class ValidationService {
    private final RuleSetCompiler compiler = new RuleSetCompiler();
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
        problems.addAll(TextsCheck.check(files));
        CompiledRuleSet compiled = null;
        try {
            compiled = compiler.compile(files);
            problems.addAll(0, compiled.warnings());
        } catch (RuleSetCompilationException e) {
            problems.addAll(0, e.problems());
        }
        List<ScenarioResult> results = new ArrayList<>();
        if (compiled != null) {
            // One compiled rule set runs every scenario: compiling is the slow part, deciding is not.
            for (Scenario scenario : scenarios) {
                results.add(runner.run(compiled, scenario));
            }
        }
        ValidationReport report = ValidationReport.of(files.version(), problems, results);
        if (!report.valid() && compiled != null) {
            compiled.close();
            compiled = null;
        }
        return new CheckedRuleSet(report, compiled);
    }
}
