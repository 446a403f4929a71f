package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** A rule that asks whether other rules' results are absent, or adds them up, must run after those rules. */
class PhaseCheckTest {
    private static final String HEADER = """
            package verdict;

            import io.posunbind.facts.*;
            """;
    private static final String MAKES_A_FINDING = """
            rule "A regulatory hold blocks"
            when
                Merchant( regulatoryHold )
            then
                insert(new Finding("REGULATORY_HOLD", Severity.BLOCKER, "Held."));
            end
            """;

    private static List<RuleProblem> problemsOf(String rules) {
        return Compiling.problemsOf(Map.of("verdict/verdict.drl", HEADER + MAKES_A_FINDING + rules));
    }

    @Test
    void aRuleTestingThatNoFindingExistsAtTheSameSalienceIsRefusedWhereItIsNamed() {
        List<RuleProblem> problems = problemsOf("""

                rule "Nothing found approves"
                when
                    not Finding()
                then
                    insert(new Outcome(Verdict.APPROVED));
                end
                """);

        assertThat(problems).hasSize(1);
        RuleProblem problem = problems.get(0);
        assertThat(problem.isError()).isTrue();
        assertThat(problem.location()).isEqualTo("verdict/verdict.drl:11:6");
        assertThat(problem.message()).isEqualTo("The rule \"Nothing found approves\" tests that there is no Finding, "
                + "which the rule \"A regulatory hold blocks\" (verdict/verdict.drl:4:6) inserts at salience 0. It may "
                + "run before that Finding exists and decide wrongly. Give it a salience below 0 (now 0): rules that "
                + "read other rules' results run after them.");
    }

    @Test
    void aLowerSalienceRunsAfterTheResultsAndIsAccepted() {
        assertThat(problemsOf("""

                rule "Nothing found approves"
                    salience -100
                when
                    not Finding()
                then
                    insert(new Outcome(Verdict.APPROVED));
                end
                """)).isEmpty();
    }

    @Test
    void aRuleThatOnlyNeedsAResultToBeThereFiresWhenItArrivesAtAnySalience() {
        assertThat(problemsOf("""

                rule "A blocker rejects"
                when
                    exists Finding( severity == Severity.BLOCKER )
                then
                    insert(new Outcome(Verdict.REJECTED));
                end

                rule "Each finding is counted"
                when
                    Finding( $code : code )
                then
                    insert(new Step(10, $code, "Look at it."));
                end
                """)).isEmpty();
    }

    @Test
    void addingUpResultsBeforeTheyAllExistIsRefused() {
        List<RuleProblem> problems = problemsOf("""

                rule "Many findings need a step"
                when
                    Number( intValue > 1 ) from accumulate( Finding(), count(1) )
                then
                    insert(new Step(10, "LOOK", "Look at them."));
                end
                """);

        assertThat(problems).extracting(RuleProblem::message).singleElement().asString()
                .startsWith("The rule \"Many findings need a step\" adds up Finding, which the rule");
    }

    @Test
    void theShippedVerdictRulesWithoutTheirSalienceAreRefusedOneByOne() {
        Map<String, String> files = new TreeMap<>(RuleFiles.readDirectory(Path.of("rules")).files());
        files.put("verdict/verdict.drl", files.get("verdict/verdict.drl").replace("    salience -100\n", ""));

        assertThatThrownBy(() -> new RuleSetCompiler().compile(RuleFiles.of(files)).close())
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::message)
                        .anyMatch(m -> m.startsWith("The rule \"A review finding sends the case to manual review\" "
                                + "tests that there is no Finding"))
                        .allMatch(m -> m.contains("Give it a salience below")));
    }
}
