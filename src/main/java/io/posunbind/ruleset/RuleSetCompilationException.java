package io.posunbind.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** The rule set does not compile; {@link #problems()} names every file, line and problem. */
public class RuleSetCompilationException extends RuleSetException {
    private final transient List<RuleProblem> problems;

    public RuleSetCompilationException(List<RuleProblem> problems) {
        super("The rule set does not compile:\n  " + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
