package io.posunbind.engine;

import static io.posunbind.engine.Compiling.assertAt;
import static io.posunbind.engine.Compiling.problemsOf;
import static io.posunbind.engine.Compiling.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rule names are unique in the whole rule set and every file has the package of its folder. */
class RuleNamesTest {

    @Test
    void duplicateRuleNameInAPackageIsReportedOnTheSecondName() {
        RuleProblem problem = single(problemsOf("""
                rule "Closing the account costs 50.00"
                when
                    UnbindCase()
                then
                end

                rule "Closing the account costs 50.00"
                when
                    Merchant()
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 11, 6);
        assertThat(problem.message()).contains("Two rules are named \"Closing the account costs 50.00\"")
                .contains("fees/fees.drl:5");
    }

    @Test
    void duplicateRuleNameAcrossPackagesIsAnErrorDroolsWouldMiss() {
        String rule = """
                rule "A regulatory hold blocks the unbind"
                when
                    Merchant( regulatoryHold )
                then
                end
                """;
        RuleProblem problem = single(problemsOf(Map.of(
                "eligibility/eligibility.drl", "package eligibility;\nimport io.posunbind.facts.*;\n" + rule,
                "verdict/holds.drl", "package verdict;\nimport io.posunbind.facts.*;\n" + rule)));
        assertAt(problem, "verdict/holds.drl", 3, 6);
        assertThat(problem.message()).contains("already exists at eligibility/eligibility.drl:3")
                .contains("unique in the whole rule set");
    }

    @Test
    void missingPackageIsReportedOnTheFirstLineWithTheFolderName() {
        RuleProblem problem = single(problemsOf(Map.of("fees/fees.drl", """
                import io.posunbind.facts.*;

                rule "Closing the account costs 50.00"
                when
                    UnbindCase()
                then
                end
                """)));
        assertAt(problem, "fees/fees.drl", 1, 1);
        assertThat(problem.message()).contains("no package line").contains("`package fees;`");
    }
}
