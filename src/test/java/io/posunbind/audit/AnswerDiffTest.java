package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Field-by-field differences between a recorded and a replayed answer. */
class AnswerDiffTest {
    private static final String ANSWER = """
            {"decisionId":"d-1","caseId":"C","asOf":"2026-11-26","verdict":"APPROVED_WITH_CONDITIONS",
             "findings":[{"code":"MISSING_DOCUMENT","severity":"MISSING","subject":"IDENTITY_PROOF","message":"m",
                          "rule":"r","regulation":null},
                         {"code":"RETURN_LOGISTICS_UNVERIFIED","severity":"CONDITION","subject":null,"message":"m",
                          "rule":"r","regulation":null}],
             "missingDocuments":["IDENTITY_PROOF"],
             "steps":[{"order":10,"code":"CONTACT_PROVIDER","description":"d"}],
             "fees":[{"code":"EARLY_TERMINATION","amount":156.00,"description":"d"}],
             "refunds":[{"code":"DEPOSIT_REFUND","amount":99.00,"description":"d"}],
             "holds":[],
             "totals":{"fees":156.00,"refunds":99.00,"net":57.00,"currency":"CNY"},
             "estimatedBusinessDays":{"min":4,"max":13},
             "rulesetVersion":"sha256:aaa","firedRules":["r1","r2"],"evaluatedAt":"2026-11-26T15:00:00Z"}
            """;

    private static List<Difference> diff(String original, String replayed) {
        return AnswerDiff.between(original.getBytes(StandardCharsets.UTF_8),
                replayed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ignoresTheDecisionsIdentityTimeAndRuleSetVersion() {
        String replayed = ANSWER.replace("d-1", "d-2").replace("15:00:00Z", "16:00:00Z").replace("aaa", "bbb");

        assertThat(diff(ANSWER, replayed)).isEmpty();
    }

    @Test
    void namesEachChangedFieldByItsKeyWithBothValues() {
        String replayed = ANSWER
                .replace("\"verdict\":\"APPROVED_WITH_CONDITIONS\"", "\"verdict\":\"INCOMPLETE\"")
                .replace("\"amount\":156.00", "\"amount\":180.00")
                .replace("\"fees\":156.00", "\"fees\":180.00").replace("\"net\":57.00", "\"net\":81.00")
                .replace("\"code\":\"CONTACT_PROVIDER\"", "\"code\":\"SHIP_TERMINAL\"")
                .replace("\"subject\":\"IDENTITY_PROOF\"", "\"subject\":\"BUSINESS_LICENSE\"")
                .replace("\"max\":13", "\"max\":15")
                .replace("[\"r1\",\"r2\"]", "[\"r1\",\"r3\"]");

        List<Difference> differences = diff(ANSWER, replayed);

        assertThat(differences).extracting(Difference::field, Difference::change).containsExactly(
                tuple("verdict", "changed"),
                tuple("findings[MISSING_DOCUMENT/IDENTITY_PROOF]", "removed"),
                tuple("findings[MISSING_DOCUMENT/BUSINESS_LICENSE]", "added"),
                tuple("steps[CONTACT_PROVIDER]", "removed"),
                tuple("steps[SHIP_TERMINAL]", "added"),
                tuple("fees[EARLY_TERMINATION]", "changed"),
                tuple("totals.fees", "changed"),
                tuple("totals.net", "changed"),
                tuple("estimatedBusinessDays", "changed"),
                tuple("firedRules[r2]", "removed"),
                tuple("firedRules[r3]", "added"));
        Difference fee = differences.get(5);
        assertThat(fee.original().get("amount").toString()).isEqualTo("156.00");
        assertThat(fee.replayed().get("amount").toString()).isEqualTo("180.00");
    }

    @Test
    void reportsTheSameRulesFiredInAnotherOrder() {
        String replayed = ANSWER.replace("[\"r1\",\"r2\"]", "[\"r2\",\"r1\"]");

        assertThat(diff(ANSWER, replayed)).extracting(Difference::field, Difference::change)
                .containsExactly(tuple("firedRules", "changed"));
    }

    @Test
    void leavesOutTheFieldsTheServiceAddedAfterTheRecordWasMade() {
        String replayed = ANSWER.replace("\"asOf\":\"2026-11-26\",", "\"asOf\":\"2026-11-26\",\"language\":\"en\",")
                .replace("\"description\":\"d\"}", "\"description\":\"d\",\"rule\":\"r\",\"regulation\":\"x\"}");

        assertThat(replayed).contains("\"regulation\":\"x\"", "\"language\"");
        assertThat(diff(ANSWER, replayed)).isEmpty();
    }

    @Test
    void stillReportsAChangeInTheFieldsTheRecordHasAndALineTheRecordLacks() {
        String replayed = ANSWER.replace("\"description\":\"d\"}", "\"description\":\"d\",\"rule\":\"r\"}")
                .replace("156.00,\"description\"", "160.00,\"description\"")
                .replace("\"holds\":[]", "\"holds\":[{\"code\":\"CHARGEBACK_RESERVE\",\"amount\":1.00,\"rule\":\"r\"}]");

        assertThat(diff(ANSWER, replayed)).extracting(Difference::field, Difference::change).containsExactly(
                tuple("fees[EARLY_TERMINATION]", "changed"),
                tuple("holds[CHARGEBACK_RESERVE]", "added"));
    }
}
