package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.MetadataCheck;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleProblem;
import io.posunbind.engine.RuleSetCompilationException;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.engine.TextsCheck;
import io.posunbind.scenario.Scenario;
import io.posunbind.scenario.ScenarioAcceptance;
import io.posunbind.scenario.ScenarioFiles;
import io.posunbind.scenario.ScenarioFormatException;
import io.posunbind.scenario.ScenarioResult;
import io.posunbind.scenario.ScenarioRunner;

/**
 * Validates a candidate rule set: the rule files' checks and compilation ({@link RuleSetCompiler}), its texts in
 * every language ({@link TextsCheck}), then every scenario on the compiled rule set, and which rules no scenario
 * fires ({@link ScenarioCoverage}). Can also accept the answers of failing scenarios into their files
 * ({@link ScenarioAcceptance}). Plain Java as well as a bean: the command line uses it without starting the
 * service. Activates nothing.
 */
@ApplicationScoped
public class ValidationService {
    /** The setting that makes @regulation and @owner required; also read from the system property of that name. */
    public static final String METADATA_REQUIRED = "unbind.rules.metadata-required";

    private final RuleSetCompiler compiler;
    private final ScenarioRunner runner = new ScenarioRunner();
    private final boolean metadataRequired;

    /** For the command line: metadata required unless -Dunbind.rules.metadata-required=false. */
    public ValidationService() {
        this(!"false".equalsIgnoreCase(System.getProperty(METADATA_REQUIRED,
                System.getenv().getOrDefault("UNBIND_RULES_METADATA_REQUIRED", "true"))));
    }

    public ValidationService(boolean metadataRequired) {
        this(metadataRequired, new RuleSetCompiler());
    }

    @Inject
    public ValidationService(@ConfigProperty(name = METADATA_REQUIRED, defaultValue = "true") boolean metadataRequired,
                             RuleSetCompiler compiler) {
        this.metadataRequired = metadataRequired;
        this.compiler = compiler;
    }

    /** A validation that also accepted answers: the report on the accepted files, and what was accepted. */
    public record Accepting(ValidationReport report, ScenarioAcceptance.Accepted accepted) {
    }

    /** Validates files sent over HTTP ({@code {"files": {"path": "text"}}}). */
    public ValidationReport validateUpload(byte[] body) {
        return validate(RuleSetUpload.parse(body));
    }

    /** Validates files sent over HTTP and accepts the failing scenarios' answers into their files. */
    public Accepting acceptUpload(byte[] body, boolean acceptExamples) {
        return accept(RuleSetUpload.parse(body), acceptExamples);
    }

    public ValidationReport validate(RuleFiles files) {
        try (CheckedRuleSet checked = check(files)) {
            return checked.report();
        }
    }

    /**
     * Validates, then sets every failing scenario's expectations to its new answer (the worked examples only when
     * acceptExamples) and validates the accepted files on the same compiled rules. Nothing is accepted when the
     * rule set has an error: there are no answers to accept.
     */
    public Accepting accept(RuleFiles files, boolean acceptExamples) {
        Compiled compiled = compile(files);
        try {
            Scenarios first = scenarios(files, compiled);
            ScenarioAcceptance.Accepted accepted = ScenarioAcceptance.accept(files.scenarioFiles(), first.scenarios(),
                    first.results(), acceptExamples);
            if (accepted.files().isEmpty()) {
                return new Accepting(report(files, compiled, first), accepted);
            }
            Map<String, String> merged = new TreeMap<>(files.files());
            merged.putAll(accepted.files());
            RuleFiles next = RuleFiles.of(merged);
            return new Accepting(report(next, compiled, scenarios(next, compiled)), accepted);
        } finally {
            compiled.close();
        }
    }

    /**
     * Validates and keeps the compiled rule set when it is valid, so the caller can activate the very rule set the
     * scenarios ran on instead of compiling it a second time. The caller owns (and closes) the result.
     */
    public CheckedRuleSet check(RuleFiles files) {
        Compiled compiled = compile(files);
        ValidationReport report = report(files, compiled, scenarios(files, compiled));
        if (!report.valid()) {
            compiled.close();
            return new CheckedRuleSet(report, null);
        }
        return new CheckedRuleSet(report, compiled.ruleSet());
    }

    /** The rule files' problems and, when they compile, the compiled rule set. */
    private record Compiled(CompiledRuleSet ruleSet, List<RuleProblem> problems) implements AutoCloseable {
        @Override
        public void close() {
            if (ruleSet != null) {
                ruleSet.close();
            }
        }
    }

    /** The scenarios read from the files, their reading problems and their results. */
    private record Scenarios(List<Scenario> scenarios, List<RuleProblem> problems, List<ScenarioResult> results) {
    }

    private Compiled compile(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRuleSet compiled = null;
        try {
            compiled = compiler.compile(files);
            problems.addAll(compiled.warnings());
        } catch (RuleSetCompilationException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(TextsCheck.check(files));
        if (problems.stream().noneMatch(RuleProblem::isError) || compiled != null) {
            problems.addAll(MetadataCheck.check(files, metadataRequired));
        }
        return new Compiled(compiled, problems);
    }

    private Scenarios scenarios(RuleFiles files, Compiled compiled) {
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
        List<ScenarioResult> results = List.of();
        if (compiled.ruleSet() != null && compiled.problems().stream().noneMatch(RuleProblem::isError)) {
            // One compiled rule set runs every scenario, on every core (a rule set decides concurrently, as it does
            // in the service); the results keep the scenarios' order. The rule engine finds its parts through the
            // context class loader, which the pool's threads do not share with this one: each task gets ours.
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            results = scenarios.parallelStream().map(scenario -> {
                Thread thread = Thread.currentThread();
                ClassLoader was = thread.getContextClassLoader();
                thread.setContextClassLoader(context);
                try {
                    return runner.run(compiled.ruleSet(), scenario);
                } finally {
                    thread.setContextClassLoader(was);
                }
            }).toList();
            problems.addAll(ScenarioCoverage.unfired(compiled.ruleSet(), results));
        }
        return new Scenarios(scenarios, problems, results);
    }

    private static ValidationReport report(RuleFiles files, Compiled compiled, Scenarios scenarios) {
        List<RuleProblem> problems = new ArrayList<>(compiled.problems());
        problems.addAll(scenarios.problems());
        return ValidationReport.of(files.version(), problems, scenarios.results());
    }
}
