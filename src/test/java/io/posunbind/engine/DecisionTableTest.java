package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The decision tables: policy v1's fee schedule and thresholds decide, and a broken cell is named by row and column. */
class DecisionTableTest {
    private static final RuleFiles POLICY = RuleFiles.readDirectory(Path.of("rules"));
    private static final String SCHEDULE = "fees/fee-schedule.csv";

    private static List<RuleProblem> withSchedule(String from, String to) {
        Map<String, String> files = new TreeMap<>(POLICY.files());
        assertThat(files.get(SCHEDULE)).contains(from);
        files.put(SCHEDULE, files.get(SCHEDULE).replace(from, to));
        return Compiling.problemsOf(files).stream().filter(RuleProblem::isError).toList();
    }

    @Test
    void theTablesRowsAreRulesNamedByTheirNameColumn() {
        try (CompiledRuleSet compiled = new RuleSetCompiler().compile(POLICY)) {
            assertThat(compiled.rulePackages())
                    .containsEntry("Closing the account costs the account closure fee", "fees")
                    .containsEntry("The provider wipes a returned device that was not cleared", "fees")
                    .containsEntry("Threshold: open chargebacks above this amount in CNY need review", "thresholds");
        }
    }

    @Test
    void anAmountThatIsNotANumberIsNamedByRowAndColumn() {
        RuleProblem problem = Compiling.single(withSchedule(",x,,50.00,", ",x,,5O.00,"));
        Compiling.assertAt(problem, SCHEDULE, 10, 8);
        assertThat(problem.message()).isEqualTo("Row 10, column H: \"Amount (CNY)\" must be a number written with a "
                + "point for decimals, like 50.00, not `5O.00`.");
    }

    @Test
    void aMisspeltColumnKindIsRefusedRatherThanSilentlyDropped() {
        RuleProblem problem = Compiling.single(withSchedule("METADATA,CONDITION,CONDITION", "METADATA,CONDTION,CONDITION"));
        Compiling.assertAt(problem, SCHEDULE, 6, 5);
        assertThat(problem.message()).contains("`CONDTION` is not a kind of column").contains("did you mean CONDITION?");
    }

    @Test
    void anUnknownRowKeywordIsRefused() {
        RuleProblem problem = Compiling.single(withSchedule("Import,", "Imports,"));
        Compiling.assertAt(problem, SCHEDULE, 2, 1);
        assertThat(problem.message()).contains("`Imports` is not a row this table understands").contains("Import?");
    }

    @Test
    void anEmptyActionCellAndAValueOutsideTheTableAreNamed() {
        List<RuleProblem> problems = withSchedule("\"NONE, LOGICAL_UNBIND\",80.00,DATA_WIPE_SERVICE",
                "\"NONE, LOGICAL_UNBIND\",,DATA_WIPE_SERVICE,stray");
        assertThat(problems).extracting(RuleProblem::message).containsExactly(
                "Row 11, column H: \"Amount (CNY)\" is empty; every row needs one.",
                "Row 11, column J: The cell J11 holds a value in a column without a kind; add the column's four "
                        + "header cells or empty the cell.");
    }

    @Test
    void aValueThatDoesNotExistIsNamedAtItsCellWithTheNearestOne() {
        RuleProblem problem = Compiling.single(withSchedule("\"NONE, LOGICAL_UNBIND\"", "\"NONE, LOGICAL_UNBND\""));
        Compiling.assertAt(problem, SCHEDULE, 11, 7);
        assertThat(problem.message()).startsWith("Row 11, column G \"Only for a device returned wiped no further "
                + "than (empty: any device)\": WipeLevel has no value LOGICAL_UNBND. Did you mean LOGICAL_UNBIND?");
    }

    @Test
    void aCellCannotCarryCode() {
        RuleProblem problem = Compiling.single(withSchedule(",DATA_WIPE_SERVICE", ",DATA_WIPE_SERVICE\"); System.exit(1); //"));
        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.message()).contains("quote");
    }

    @Test
    void aYesNoCellTakesOnlyAnX() {
        RuleProblem problem = Compiling.single(withSchedule(",,x,,50.00,", ",,yes please,,50.00,"));
        Compiling.assertAt(problem, SCHEDULE, 10, 6);
        assertThat(problem.message()).contains("write x for yes, or leave it empty for no");
    }

    @Test
    void anUnclosedQuoteIsNamedByItsRow() {
        RuleProblem problem = Compiling.single(withSchedule("\"NONE, LOGICAL_UNBIND\"", "\"NONE, LOGICAL_UNBIND"));
        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.message()).contains("quote (\") that is not closed");
    }
}
