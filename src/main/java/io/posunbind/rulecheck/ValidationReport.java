package io.posunbind.rulecheck;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.posunbind.ruleset.RuleProblem;
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
public record ValidationReport(boolean valid, String version, List<Problem> errors, List<Problem> warnings,
                               Scenarios scenarios) {

    /**
     * One problem.
     *
     * @param file    the file's path in the rule set
     * @param line    1-based, 0 when unknown
     * @param column  1-based, 0 when unknown
     * @param message what is wrong, in plain words
     * @param detail  the rule compiler's own words, when the message rewrites them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String file, int line, int column, String message, String detail) {
        static Problem of(RuleProblem problem) {
            return new Problem(problem.file(), problem.line(), problem.column(), problem.message(), problem.detail());
        }

        /** {@code file:line:column}, leaving out what is unknown. */
        public String location() {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        }
    }

    /** How many scenarios passed and failed, and each one's result. */
    public record Scenarios(int passed, int failed, List<ScenarioResult> results) {
        static Scenarios of(List<ScenarioResult> results) {
            int passed = (int) results.stream().filter(ScenarioResult::passed).count();
            return new Scenarios(passed, results.size() - passed, List.copyOf(results));
        }
    }
}
