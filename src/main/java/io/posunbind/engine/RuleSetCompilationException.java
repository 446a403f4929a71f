package io.posunbind.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rule set cannot be used (unsafe, invalid or not compiling); {@link #problems()} names every problem. */
public class RuleSetCompilationException extends RuleSetException {
    private final transient List<RuleProblem> problems;

    public RuleSetCompilationException(List<RuleProblem> problems) {
        super("The rule set cannot be used:\n  " + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
