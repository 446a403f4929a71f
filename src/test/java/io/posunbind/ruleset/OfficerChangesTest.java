package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.posunbind.engine.RuleFiles;
import io.posunbind.scenario.ScenarioAcceptance;

/**
 * The five changes of rules/README.md section 5, as an officer makes them: only the rule or table edit (and a new
 * code's texts), then accept, then validate. Each ends valid with no scenario edited by hand, and accepting changes
 * values only.
 */
class OfficerChangesTest {
    private static final RuleFiles POLICY = RuleFiles.readDirectory(Path.of("rules"));
    private final ValidationService validation = new ValidationService(true);

    private static RuleFiles edit(Map<String, UnaryOperator<String>> edits) {
        Map<String, String> files = new TreeMap<>(POLICY.files());
        edits.forEach((path, edit) -> {
            String before = files.get(path);
            String after = edit.apply(before);
            assertThat(after).as("the edit of " + path + " changes it").isNotEqualTo(before);
            files.put(path, after);
        });
        return RuleFiles.of(files);
    }

    /** Accepts (the worked examples too when asked), then validates the accepted files from scratch. */
    private ScenarioAcceptance.Accepted acceptAndValidate(RuleFiles edited, boolean examplesChange) {
        assertThat(validation.validate(edited).valid()).as("the edit changes some scenario").isFalse();
        ValidationService.Accepting scenariosOnly = validation.accept(edited, false);
        assertThat(scenariosOnly.report().valid()).as("valid without the examples").isEqualTo(!examplesChange);
        ValidationService.Accepting accepting = validation.accept(edited, true);
        assertThat(accepting.report().valid()).as(accepting.report().describe()).isTrue();
        Map<String, String> files = new TreeMap<>(edited.files());
        files.putAll(accepting.accepted().files());
        assertThat(validation.validate(RuleFiles.of(files)).valid()).isTrue();
        accepting.accepted().files().forEach((path, text) -> assertOnlyValuesChanged(edited.files().get(path), text));
        return accepting.accepted();
    }

    /** Line by line, the texts are the same but for the values (numbers, codes, lists of codes). */
    private static void assertOnlyValuesChanged(String before, String after) {
        String[] old = before.split("\n");
        String[] now = after.split("\n");
        if (old.length != now.length) {
            return; // a list grew or shrank: checked by ScenarioAcceptanceTest
        }
        for (int i = 0; i < old.length; i++) {
            assertThat(valuesOut(now[i])).as("line %d", i + 1).isEqualTo(valuesOut(old[i]));
        }
    }

    /** The line with its values (numbers, codes and verdicts, lists on one line) replaced by placeholders. */
    private static String valuesOut(String line) {
        return line.replaceAll("-?\\d+(\\.\\d+)?", "N").replaceAll("\"[A-Z_]+\"(,\\s*\"[A-Z_]+\")*", "CODES")
                .replaceAll("\\[[^\\[\\]]*]", "[LIST]");
    }

    @Test
    void theAccountClosureFeeFrom50To60TouchesOnlyTheScenariosPinningItOrATotal() {
        ScenarioAcceptance.Accepted accepted = acceptAndValidate(edit(Map.of("fees/fee-schedule.csv",
                t -> t.replace(",x,,50.00,ACCOUNT_CLOSURE", ",x,,60.00,ACCOUNT_CLOSURE"))), true);
        assertThat(accepted.changes()).isNotEmpty().allSatisfy(change -> assertThat(change.what())
                .allMatch(m -> m.startsWith("fees[ACCOUNT_CLOSURE].amount") || m.startsWith("totals.")));
    }

    @Test
    void theChargebackThresholdFrom50000To80000() {
        ScenarioAcceptance.Accepted accepted = acceptAndValidate(edit(Map.of("thresholds/thresholds.csv",
                t -> t.replace(",50000.00,CHARGEBACK_REVIEW_AMOUNT", ",80000.00,CHARGEBACK_REVIEW_AMOUNT"))), false);
        assertThat(accepted.changes()).hasSize(2).allSatisfy(change -> assertThat(change.file())
                .isEqualTo("eligibility/eligibility.scenarios.json"));
    }

    @Test
    void oneMoreRequiredDocumentForSwitchProvider() {
        acceptAndValidate(edit(Map.of("documents/documents.drl", t -> t.replace("""
                    insert(new RequiredDocument(DocumentType.NEW_PROVIDER_CONTRACT));
                    insert(new RequiredDocument(DocumentType.COMPATIBILITY_STATEMENT));
                """, """
                    insert(new RequiredDocument(DocumentType.NEW_PROVIDER_CONTRACT));
                    insert(new RequiredDocument(DocumentType.COMPATIBILITY_STATEMENT));
                    insert(new RequiredDocument(DocumentType.STAFF_TRAINING_PLAN));
                """))), true);
    }

    @Test
    void aNewFeeLineReturnShipping20ForSwitchProvider() {
        acceptAndValidate(edit(Map.of(
                "fees/fee-schedule.csv", t -> t + "Returning a switched terminal costs the return shipping,Unbind "
                        + "policy v1 §4,compliance,The provider ships the terminal back.,SWITCH_PROVIDER,,,20.00,"
                        + "RETURN_SHIPPING\n",
                "texts/en.properties", t -> t + "fee.RETURN_SHIPPING = Return shipping of the terminal.\n",
                "texts/zh-CN.properties", t -> t + "fee.RETURN_SHIPPING = 终端寄回运费。\n")), true);
    }

    @Test
    void aNewRuleThatAddsAFinding() {
        acceptAndValidate(edit(Map.of(
                "account/account.drl", t -> t + """

                        rule "A positive balance is paid out after the unbind"
                            @regulation("PBOC acquiring rules: settlement to the merchant")
                            @owner("compliance")
                        when
                            Account( balance > 0.00B )
                        then
                            insert(Finding.of("PAYOUT_AFTER_UNBIND", Severity.ADVISORY));
                        end
                        """,
                "texts/en.properties", t -> t + "finding.PAYOUT_AFTER_UNBIND = The balance is paid out afterwards.\n",
                "texts/zh-CN.properties", t -> t + "finding.PAYOUT_AFTER_UNBIND = 余额将在解绑后结算。\n")), true);
    }
}
