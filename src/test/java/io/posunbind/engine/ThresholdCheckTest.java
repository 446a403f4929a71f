package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** A threshold a rule reads is defined exactly once; one nobody reads is a warning. */
class ThresholdCheckTest {
    private static final RuleFiles POLICY = RuleFiles.readDirectory(Path.of("rules"));
    private static final String TABLE = "thresholds/thresholds.csv";

    private static List<RuleProblem> withTable(String from, String to) {
        Map<String, String> files = new TreeMap<>(POLICY.files());
        files.put(TABLE, files.get(TABLE).replace(from, to));
        return Compiling.problemsOf(files);
    }

    @Test
    void aRenamedThresholdIsAnErrorAtTheRuleThatReadsItAndAWarningAtItsRow() {
        List<RuleProblem> problems = withTable(",99.5,NEW_PROVIDER_UPTIME_PERCENT", ",99.5,NEW_PROVIDER_UPTIME_PERCNT");
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "ERROR newprovider/newprovider.drl:65:5 The rule \"A new provider promising less uptime than the "
                        + "threshold is flagged\" reads the threshold NEW_PROVIDER_UPTIME_PERCENT, which no table "
                        + "defines (the thresholds are CHARGEBACK_REVIEW_AMOUNT, NEW_PROVIDER_INCIDENTS, "
                        + "NEW_PROVIDER_UPTIME_PERCNT), so it could never fire.",
                "WARNING thresholds/thresholds.csv:12:6 Row 12, column F \"Threshold\": No rule reads the threshold "
                        + "NEW_PROVIDER_UPTIME_PERCNT: a rule reads it with Threshold( name == "
                        + "\"NEW_PROVIDER_UPTIME_PERCNT\", $value : value ). A renamed threshold, or one no longer needed?");
    }

    @Test
    void aThresholdDefinedTwiceIsAnError() {
        List<RuleProblem> problems = withTable(",2,NEW_PROVIDER_INCIDENTS", ",2,CHARGEBACK_REVIEW_AMOUNT");
        assertThat(problems).filteredOn(RuleProblem::isError).extracting(RuleProblem::message)
                .anyMatch(m -> m.contains("The threshold CHARGEBACK_REVIEW_AMOUNT is defined twice"));
    }

    @Test
    void aThresholdValueMustBeANumber() {
        List<RuleProblem> problems = withTable(",50000.00,", ",50 000,");
        assertThat(problems).extracting(RuleProblem::message)
                .containsExactly("Row 10, column E: \"Value\" must be a number written with a point for decimals, "
                        + "like 50.00, not `50 000`.");
    }
}
