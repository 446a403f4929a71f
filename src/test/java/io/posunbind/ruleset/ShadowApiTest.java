package io.posunbind.ruleset;

import static io.posunbind.ruleset.LifecycleFixtures.stored;
import static io.posunbind.ruleset.LifecycleFixtures.withFee;
import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A candidate shadows the active version: it decides the live requests as well, the answers stay the active
 * version's, and its differences are counted exactly.
 */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class ShadowApiTest {

    private static JsonPath decide(String reason) {
        return asClient().contentType(ContentType.JSON)
                .body(LifecycleFixtures.REQUEST.replace("\"SWITCH_PROVIDER\"", "\"" + reason + "\"")).when()
                .post("/api/v1/decisions").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath shadowReport(long session, int expected) throws InterruptedException {
        JsonPath status = null;
        for (int i = 0; i < 100; i++) {
            status = asAuditor().queryParam("session", session).when().get("/api/v1/rulesets/shadow").then()
                    .statusCode(200).extract().jsonPath();
            if (!status.getList("reports").isEmpty() && status.getInt("reports[0].result.compared") >= expected) {
                return status;
            }
            Thread.sleep(100);
        }
        return status;
    }

    @Test
    void aShadowOfAFeeChangeCountsExactlyTheLiveDecisionsThatPayTheFeeAndAnswersStayTheActiveVersions()
            throws InterruptedException {
        String active = asAuditor().when().get("/api/v1/rulesets/active").path("version");
        String candidate = stored(withFee("26.00"));
        long session = asRulesAdmin().contentType(ContentType.JSON).body("{\"comment\": \"today's traffic\"}")
                .when().post("/api/v1/rulesets/" + candidate + "/shadow").then().statusCode(200)
                .extract().jsonPath().getLong("id");

        for (int i = 0; i < 3; i++) {
            JsonPath answer = decide("SWITCH_PROVIDER");
            assertThat(answer.getString("rulesetVersion")).isEqualTo(active);
            assertThat(RuleSetApiTest.handlingFee(answer)).isEqualTo("10.0");
        }
        decide("BUSINESS_CLOSURE");
        decide("BUSINESS_CLOSURE");

        JsonPath status = shadowReport(session, 5);
        assertThat(status.getString("running.version")).isEqualTo(candidate);
        assertThat(status.getInt("reports[0].result.compared")).isEqualTo(5);
        assertThat(status.getInt("reports[0].result.changed")).isEqualTo(3);
        assertThat(status.getInt("reports[0].result.feesChanged")).isEqualTo(3);
        assertThat(status.getInt("reports[0].result.verdictsChanged")).isZero();
        assertThat(status.getInt("reports[0].result.byFeeCode.HANDLING.changed")).isEqualTo(3);
        assertThat(status.getString("reports[0].baseline")).isEqualTo("active");

        asRulesAdmin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/rulesets/shadow/stop").then()
                .statusCode(200);
        decide("SWITCH_PROVIDER");
        JsonPath after = asAuditor().queryParam("session", session).when().get("/api/v1/rulesets/shadow").then()
                .statusCode(200).extract().jsonPath();
        assertThat(after.getString("running")).isNull();
        assertThat(after.getInt("reports[0].result.compared")).as("stopped: no more shadow decisions").isEqualTo(5);
        assertThat(asAuditor().when().get("/api/v1/rulesets/events?version=" + candidate).then().extract()
                .jsonPath().getList("items.kind", String.class)).contains("shadow-stopped", "shadow-started");
        asRulesAdmin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/rulesets/shadow/stop").then()
                .statusCode(404);
    }
}
