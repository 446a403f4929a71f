package io.posunbind.ruleset;

import static io.posunbind.ruleset.LifecycleFixtures.activate;
import static io.posunbind.ruleset.LifecycleFixtures.stored;
import static io.posunbind.ruleset.LifecycleFixtures.withFee;
import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Backtesting a candidate over recorded decisions: exactly the decisions whose fee the candidate changes are
 * reported, grouped by code; a long run can be polled.
 */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class SimulationApiTest {
    @jakarta.inject.Inject
    io.posunbind.storage.Storage.Database database;
    private final List<String> switched = new ArrayList<>();
    private Instant from;
    private Instant to;

    /** Five provider switches (a handling fee of 10.00) and three closures (no fee), under the 10.00 version. */
    @BeforeEach
    void recordDecisions() throws InterruptedException {
        activate(stored(withFee("10.00"))).then().statusCode(200);
        from = Instant.now();
        Thread.sleep(5);
        for (int i = 0; i < 5; i++) {
            switched.add(decide(LifecycleFixtures.REQUEST));
        }
        String closure = LifecycleFixtures.REQUEST.replace("\"SWITCH_PROVIDER\"", "\"BUSINESS_CLOSURE\"");
        for (int i = 0; i < 3; i++) {
            decide(closure);
        }
        Thread.sleep(5);
        to = Instant.now();
    }

    private static String decide(String body) {
        return asClient().contentType(ContentType.JSON).body(body).when().post("/api/v1/decisions")
                .then().statusCode(200).extract().path("decisionId");
    }

    private Response simulate(String version, String wait) {
        return asAuditor().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("wait", wait).when().post("/api/v1/rulesets/" + version + "/simulate");
    }

    @Test
    void reportsExactlyTheDecisionsWhoseFeeTheCandidateChanges() {
        String candidate = stored(withFee("12.00"));

        String body = simulate(candidate, "30").then().statusCode(200).extract().asString();
        JsonPath result = JsonPath.from(body);

        assertThat(result.getString("status")).isEqualTo("DONE");
        assertThat(result.getInt("result.compared")).isEqualTo(8);
        assertThat(result.getInt("result.changed")).isEqualTo(5);
        assertThat(result.getInt("result.feesChanged")).isEqualTo(5);
        assertThat(result.getInt("result.verdictsChanged")).isZero();
        assertThat(result.getInt("result.stepsChanged")).isZero();
        assertThat(result.getInt("result.byFeeCode.HANDLING.changed")).isEqualTo(5);
        assertThat(result.getMap("result.byFindingCode")).isEmpty();
        assertThat(result.getList("result.changedDecisions.decisionId", String.class))
                .containsExactlyInAnyOrderElementsOf(switched);
        assertThat(result.getList("result.changedDecisions[0].differences.field", String.class))
                .containsExactly("fees[HANDLING]", "totals.fees", "totals.net");
        assertThat(result.getString("result.changedDecisions[0].differences[0].replayed.amount")).isEqualTo("12.0");
        // amounts keep their two decimals in the report, as in the answers they come from
        assertThat(body).contains("\"original\":{\"code\":\"HANDLING\",\"amount\":10.00")
                .contains("\"replayed\":{\"code\":\"HANDLING\",\"amount\":12.00")
                .contains("\"field\":\"totals.fees\",\"change\":\"changed\",\"original\":10.00,\"replayed\":12.00");
    }

    @Test
    void aTextOnlyChangeShowsNoChangeAgainstTheActiveVersionWhateverDecidedTheRecords() {
        // recorded under 10.00; 12.00 decides now; the candidate is 12.00 with a rationale added, nothing else
        String twelve = stored(withFee("12.00"));
        activate(twelve).then().statusCode(200);
        java.util.Map<String, String> textOnly = withFee("12.00");
        textOnly.put("fees/handling.drl", textOnly.get("fees/handling.drl").replace("    @owner(\"compliance\")\n",
                "    @owner(\"compliance\")\n    @rationale(\"The provider handles the switch.\")\n"));
        String candidate = stored(textOnly);
        assertThat(candidate).isNotEqualTo(twelve);

        JsonPath isolated = simulate(candidate, "30").then().statusCode(200).extract().jsonPath();
        assertThat(isolated.getString("baseline")).isEqualTo(twelve);
        assertThat(isolated.getInt("result.compared")).isEqualTo(8);
        assertThat(isolated.getInt("result.changed")).isZero();
        assertThat(isolated.getString("result.feeTotals.before")).isEqualTo(isolated.getString("result.feeTotals.after"));

        JsonPath recorded = asAuditor().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("wait", "30").queryParam("baseline", "recorded").when()
                .post("/api/v1/rulesets/" + candidate + "/simulate").then().statusCode(200).extract().jsonPath();
        assertThat(recorded.getString("result.baseline")).isEqualTo("recorded");
        assertThat(recorded.getInt("result.changed")).as("against the recorded answers, 10.00 -> 12.00 shows")
                .isEqualTo(5);
        // the other tests sharing this service expect 10.00 to decide
        activate(stored(withFee("10.00"))).then().statusCode(200);
    }

    @Test
    void theReportHasTheVerdictMatrixTheTotalsTheCodeCountsAndPagesTheChangedDecisions() {
        String candidate = stored(withFee("12.00"));
        JsonPath done = simulate(candidate, "30").then().statusCode(200).extract().jsonPath();
        assertThat(done.getList("result.verdicts.count", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(8);
        assertThat(done.getList("result.verdicts").size()).isEqualTo(done.getList("result.verdicts").stream()
                .distinct().count());
        assertThat(new java.math.BigDecimal(done.getString("result.feeTotals.after"))
                .subtract(new java.math.BigDecimal(done.getString("result.feeTotals.before"))))
                .isEqualByComparingTo("10.00");
        assertThat(done.getInt("result.feeCounts.HANDLING.before")).isEqualTo(5);
        assertThat(done.getInt("result.feeCounts.HANDLING.after")).isEqualTo(5);
        // Five decisions charged 10.00 each and would charge 12.00: the fee's own delta, 50.00 to 60.00.
        assertThat(new java.math.BigDecimal(done.getString("result.feeAmounts.HANDLING.before")))
                .isEqualByComparingTo("50.00");
        assertThat(new java.math.BigDecimal(done.getString("result.feeAmounts.HANDLING.after")))
                .isEqualByComparingTo("60.00");

        String id = done.getString("simulationId");
        JsonPath page = asAuditor().queryParam("offset", "3").queryParam("limit", "2").when()
                .get("/api/v1/rulesets/simulations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("result.changed")).isEqualTo(5);
        assertThat(page.getInt("result.changedDecisionsOffset")).isEqualTo(3);
        assertThat(page.getList("result.changedDecisions")).hasSize(2);
        asAuditor().queryParam("limit", "0").when().get("/api/v1/rulesets/simulations/" + id).then().statusCode(400);
    }

    @Test
    void theActiveVersionItselfChangesNothing() {
        String active = asAuditor().when().get("/api/v1/rulesets/active").path("version");

        simulate(active, "30").then().statusCode(200)
                .body("result.compared", org.hamcrest.Matchers.equalTo(8))
                .body("result.changed", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aRunNotDoneWithinTheWaitIsAcceptedAndCanBePolledToItsEnd() throws InterruptedException {
        String candidate = stored(withFee("12.00"));

        Response accepted = simulate(candidate, "0");
        assertThat(accepted.statusCode()).isIn(200, 202);
        String location = accepted.statusCode() == 202 ? accepted.header("Location")
                : "/api/v1/rulesets/simulations/" + accepted.path("simulationId");
        assertThat(location).contains("/api/v1/rulesets/simulations/");
        location = location.substring(location.indexOf("/api/v1/"));
        JsonPath polled = null;
        for (int i = 0; i < 100; i++) {
            polled = asRulesAdmin().when().get(location).then().statusCode(200).extract().jsonPath();
            if (!polled.getString("status").equals("RUNNING")) {
                break;
            }
            assertThat(polled.getInt("processed")).isBetween(0, 8);
            Thread.sleep(100);
        }
        assertThat(polled.getString("status")).isEqualTo("DONE");
        assertThat(polled.getInt("processed")).isEqualTo(8);
        assertThat(polled.getInt("total")).isEqualTo(8);
        assertThat(polled.getInt("result.changed")).isEqualTo(5);
    }

    @Test
    void aVersionWhoseStoredFilesWereAlteredIsNeverSimulatedWith() throws Exception {
        String candidate = stored(withFee("13.37"));
        alterSnapshot(candidate, "13.37", "99.91");
        try {
            simulate(candidate, "30").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString(candidate));
        } finally {
            alterSnapshot(candidate, "99.91", "13.37"); // other tests of this profile verify the store
        }
        simulate(candidate, "30").then().statusCode(200);
    }

    private void alterSnapshot(String version, String from, String to) throws java.sql.SQLException {
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("UPDATE ruleset_snapshot SET files = "
                     + "REPLACE(files, ?, ?) WHERE version = ?")) {
            s.setString(1, from);
            s.setString(2, to);
            s.setString(3, version);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownVersionOrSimulationIs404AndAClientMayNotSimulate() {
        asAuditor().when().post("/api/v1/rulesets/sha256:" + "0".repeat(64) + "/simulate").then().statusCode(404);
        asAuditor().when().get("/api/v1/rulesets/simulations/nope").then().statusCode(404);
        asClient().when().post("/api/v1/rulesets/sha256:" + "0".repeat(64) + "/simulate").then().statusCode(403);
        asAuditor().queryParam("limit", "0").when().post("/api/v1/rulesets/sha256:x/simulate").then()
                .statusCode(400);
    }
}
