package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a rule set from the outside in, and compiles it only when it is safe and the checks find no error:
 * <ol>
 * <li>the safety lint ({@link RuleSafetyLint}): an unsafe file is never handed to the compiler;</li>
 * <li>the DRL parser: syntax errors with the parser's line and column;</li>
 * <li>the vocabulary ({@link VocabularyCheck}) and the names ({@link RuleNames}): unknown values and constants,
 * literals of the wrong kind, missing packages, duplicate rule names, each where it is written;</li>
 * <li>the executable-model compiler, the authority on what runs, its messages traced back to the files.</li>
 * </ol>
 * Plain Java: the service, the command line and the tests use it alike. Every compilation the service does goes
 * through here ({@link RuleSetCompiler}), so a rule set that fails the lint never decides.
 */
public class RuleSetValidator {
    private static final Comparator<RuleProblem> ORDER = Comparator.comparing(RuleProblem::level)
            .thenComparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column);

    private final RuleSafetyLint lint = new RuleSafetyLint();
    private final ExecutableModelBuilder builder = new ExecutableModelBuilder();

    public RuleSetCheck validate(RuleFiles files) {
        if (files.ruleFiles().isEmpty()) {
            return failed(files, List.of(new RuleProblem(RuleProblem.Level.ERROR, "(rule set)", 0, 0,
                    "The rule set holds no .drl file")));
        }
        List<RuleProblem> problems = new ArrayList<>(lint.check(files));
        if (problems.stream().anyMatch(RuleProblem::isError)) {
            return failed(files, problems);
        }
        Map<String, DrlFile> parsed = new LinkedHashMap<>();
        files.ruleFiles().forEach((path, text) -> parsed.put(path, DrlFile.parse(path, text)));
        List<DrlFile> readable = new ArrayList<>();
        for (DrlFile file : parsed.values()) {
            problems.addAll(file.problems());
            if (file.parsed()) {
                problems.addAll(VocabularyCheck.check(file));
                readable.add(file);
            }
        }
        problems.addAll(RuleNames.check(readable));
        if (problems.stream().anyMatch(RuleProblem::isError)) {
            return failed(files, problems);
        }
        ExecutableModelBuilder.Built built = builder.build(parsed);
        problems.addAll(built.problems());
        problems.sort(ORDER);
        if (built.container() == null) {
            return new RuleSetCheck(files.version(), problems, null);
        }
        return new RuleSetCheck(files.version(), problems, new CompiledRuleSet(files, built.container(),
                problems.stream().filter(p -> !p.isError()).toList()));
    }

    private static RuleSetCheck failed(RuleFiles files, List<RuleProblem> problems) {
        List<RuleProblem> sorted = new ArrayList<>(problems);
        sorted.sort(ORDER);
        return new RuleSetCheck(files.version(), sorted, null);
    }
}
