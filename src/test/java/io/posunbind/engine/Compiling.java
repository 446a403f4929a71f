package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Compiles rule files as the service does and answers what it found, for the tests of the checks. */
final class Compiling {
    /** The header of a fees/fees.drl written in a test. */
    static final String HEADER = """
            package fees;

            import io.posunbind.facts.*;
            import java.math.BigDecimal;
            """;

    private Compiling() {
    }

    /** Every problem: the refusal's, or the compiled rule set's warnings. */
    static List<RuleProblem> problemsOf(Map<String, String> files) {
        try (CompiledRuleSet compiled = new RuleSetCompiler().compile(RuleFiles.of(files))) {
            return compiled.warnings();
        } catch (RuleSetCompilationException e) {
            return e.problems();
        }
    }

    /** The problems of rules written after {@link #HEADER} in fees/fees.drl. */
    static List<RuleProblem> problemsOf(String rules) {
        return problemsOf(Map.of("fees/fees.drl", HEADER + rules));
    }

    static RuleProblem single(List<RuleProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    static void assertAt(RuleProblem problem, String file, int line, int column) {
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).as("line").isEqualTo(line);
        assertThat(problem.column()).as("column").isEqualTo(column);
    }
}
