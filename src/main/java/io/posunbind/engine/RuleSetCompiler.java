package io.posunbind.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a rule set for deciding, or refuses it naming every problem. Reads the rule files and the decision tables'
 * DRL ({@link RuleSources}), checks from the outside in, and hands the files to the compiler only when they are safe
 * and the checks find no error:
 * <ol>
 * <li>the decision tables' shape and cells ({@link DecisionTable});</li>
 * <li>the safety lint ({@link RuleSafetyLint}): an unsafe file is never handed to the compiler;</li>
 * <li>the structure ({@link SyntaxCheck}): a rule without end, an unclosed quote or bracket, where it opened;</li>
 * <li>the DRL parser: syntax errors with the parser's line and column;</li>
 * <li>the vocabulary ({@link VocabularyCheck}) and the names ({@link RuleNames}): unknown values and constants,
 * literals of the wrong kind, missing packages, duplicate rule names, each where it is written;</li>
 * <li>the phases ({@link PhaseCheck}): a rule that asks whether results are absent runs after the rules making them;
 * the thresholds ({@link ThresholdCheck}): every threshold a rule reads is defined once;</li>
 * <li>the executable-model compiler, the authority on what runs, its messages traced back to the files.</li>
 * </ol>
 * Every compilation the service does, the command line's and the tests' too, goes through here, so a rule set that
 * fails the lint never decides. Plain Java.
 */
public class RuleSetCompiler {
    private static final Comparator<RuleProblem> ORDER = Comparator.comparing(RuleProblem::level)
            .thenComparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column);

    private final RuleSafetyLint lint = new RuleSafetyLint();
    private final ExecutableModelBuilder builder;

    /** Compiles every rule set from its files. */
    public RuleSetCompiler() {
        this(CompiledModelStore.NONE);
    }

    /**
     * Loads the executable model kept in the store for files compiled before; the checks before the compiler run
     * every time.
     */
    public RuleSetCompiler(CompiledModelStore store) {
        this.builder = new ExecutableModelBuilder(store);
    }

    /**
     * The compiled rule set, its warnings in {@link CompiledRuleSet#warnings()}; the caller closes it when done.
     *
     * @throws RuleSetCompilationException naming every problem (errors first, then warnings) when there is an error
     */
    public CompiledRuleSet compile(RuleFiles files) {
        RuleSources sources = RuleSources.of(files);
        if (sources.drl().isEmpty() && sources.problems().isEmpty()) {
            throw refused(sources, List.of(new RuleProblem(RuleProblem.Level.ERROR, RuleProblem.WHOLE_RULE_SET, 0, 0,
                    "The rule set holds no .drl file and no decision table")));
        }
        List<RuleProblem> problems = new ArrayList<>(sources.problems());
        sources.drl().forEach((path, text) -> problems.addAll(lint.check(path, text)));
        if (problems.stream().anyMatch(RuleProblem::isError)) {
            throw refused(sources, problems);
        }
        Map<String, DrlFile> parsed = new LinkedHashMap<>();
        sources.drl().forEach((path, text) -> {
            List<RuleProblem> structure = SyntaxCheck.check(path, text);
            problems.addAll(structure);
            if (structure.isEmpty()) {
                parsed.put(path, DrlFile.parse(path, text));
            }
        });
        if (problems.stream().anyMatch(RuleProblem::isError)) {
            parsed.values().forEach(file -> problems.addAll(file.problems()));
            throw refused(sources, problems);
        }
        List<DrlFile> readable = new ArrayList<>();
        for (DrlFile file : parsed.values()) {
            problems.addAll(file.problems());
            if (file.parsed()) {
                problems.addAll(VocabularyCheck.check(file));
                readable.add(file);
            }
        }
        problems.addAll(RuleNames.check(readable));
        problems.addAll(PhaseCheck.check(readable));
        problems.addAll(ThresholdCheck.check(readable));
        if (problems.stream().anyMatch(RuleProblem::isError)) {
            throw refused(sources, problems);
        }
        ExecutableModelBuilder.Built built = builder.build(parsed);
        problems.addAll(built.problems());
        if (built.base() == null) {
            throw refused(sources, problems);
        }
        return new CompiledRuleSet(files, built.base(), sorted(sources, problems), built.kept());
    }

    private static RuleSetCompilationException refused(RuleSources sources, List<RuleProblem> problems) {
        return new RuleSetCompilationException(sorted(sources, problems));
    }

    /** The problems in order, each where the officer finds it: a table's at its row and column. */
    private static List<RuleProblem> sorted(RuleSources sources, List<RuleProblem> problems) {
        List<RuleProblem> sorted = new ArrayList<>(problems.stream().map(sources::locate).toList());
        sorted.sort(ORDER);
        return sorted;
    }
}
