package io.posunbind.ruleset;

import static io.posunbind.ruleset.LifecycleFixtures.activateOnly;
import static io.posunbind.ruleset.LifecycleFixtures.decide;
import static io.posunbind.ruleset.LifecycleFixtures.stored;
import static io.posunbind.ruleset.LifecycleFixtures.withFee;
import static io.posunbind.ruleset.LifecycleFixtures.writeDirectory;
import static io.posunbind.security.TestUsers.asApprover;
import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Four-eyes over HTTP: a version stored by a rules admin is activated only after a rules approver approved it; every
 * step is in the governance log, in the activation history and checked by verify.
 */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class GovernanceApiTest {

    @AfterEach
    void restoreTheDirectory() {
        writeDirectory(withFee("10.00"));
        asRulesAdmin().when().post("/api/v1/rulesets/reload").then().statusCode(200);
    }

    private static Response word(String version, String what, String comment) {
        return asApprover().contentType(ContentType.JSON)
                .body(comment == null ? "{}" : "{\"comment\": \"" + comment + "\"}")
                .when().post("/api/v1/rulesets/" + version + "/" + what);
    }

    @Test
    void storeRefuseApproveActivateRecordedVerifiedAndInTheHistory() {
        String original = asAuditor().when().get("/api/v1/rulesets/active").path("version");
        String candidate = stored(withFee("55.00"));
        asAuditor().when().get("/api/v1/rulesets/" + candidate).then()
                .body("state", equalTo("awaiting-approval")).body("approvalsRequired", equalTo(1))
                .body("createdBy", equalTo("admin"));

        activateOnly(candidate).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("needs 1 approval by a rules approver other than its author (admin)"))
                .body("detail", containsString("it has 0"));
        asRulesAdmin().contentType(ContentType.JSON).body("{\"comment\": \"mine\"}")
                .when().post("/api/v1/rulesets/" + candidate + "/approve").then().statusCode(403);
        word(candidate, "approve", null).then().statusCode(400).body("errors.path", hasItem("comment"));

        word(candidate, "reject", "the fee is not in the signed tariff").then().statusCode(200)
                .body("approved", equalTo(false)).body("rejections[0].by", equalTo("approver"));
        activateOnly(candidate).then().statusCode(409)
                .body("detail", containsString("was rejected by approver"))
                .body("detail", containsString("the fee is not in the signed tariff"));
        word(candidate, "approve", "tariff signed on 2026-12-01; backtest reviewed").then().statusCode(200)
                .body("approved", equalTo(true)).body("rejections", empty())
                .body("approvals[0].comment", equalTo("tariff signed on 2026-12-01; backtest reviewed"));

        asRulesAdmin().contentType(ContentType.JSON).body("{\"comment\": \"go live\"}")
                .when().post("/api/v1/rulesets/" + candidate + "/activate").then().statusCode(200)
                .body("version", equalTo(candidate)).body("previousVersion", equalTo(original))
                .body("activatedBy", equalTo("admin"));
        assertThat(decide().then().statusCode(200).extract().<String>path("rulesetVersion")).isEqualTo(candidate);

        asAuditor().when().get("/api/v1/rulesets/" + candidate).then()
                .body("state", equalTo("active")).body("activatedBy", equalTo("admin"))
                .body("approvals[0].by", equalTo("approver"));
        asAuditor().when().get("/api/v1/rulesets/activations?limit=1").then().statusCode(200)
                .body("items[0].version", equalTo(candidate)).body("items[0].previousVersion", equalTo(original))
                .body("items[0].activatedBy", equalTo("admin")).body("items[0].reason", equalTo("activate"));
        List<String> kinds = asAuditor().when().get("/api/v1/rulesets/events?version=" + candidate).then()
                .statusCode(200).extract().path("items.kind");
        assertThat(kinds).containsExactly("activated", "approved", "rejected", "stored");
        asAuditor().when().get("/api/v1/rulesets/events?version=" + candidate + "&limit=1").then()
                .body("items[0].comment", equalTo("go live")).body("items[0].fromVersion", equalTo(original));

        asApprover().when().get("/api/v1/rulesets/" + candidate + "/diff?against=" + original).then()
                .statusCode(200).body("files.changed.path", org.hamcrest.Matchers.contains("fees/handling.drl", "fees/handling.scenarios.json"))
                .body("rules.changed.name", org.hamcrest.Matchers.hasSize(1))
                .body("empty", equalTo(false));
        asAuditor().when().get("/api/v1/rulesets/" + candidate + "/diff").then().statusCode(200)
                .body("empty", equalTo(true)).body("against", equalTo(candidate));

        // A rollback to a version that was active before needs no new approval.
        activateOnly(original).then().statusCode(200).body("version", equalTo(original));
        asAuditor().when().get("/api/v1/rulesets/" + candidate).then().body("state", equalTo("retired"));

        asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("governanceBreaks", empty());
    }

    @Test
    void anActivationIsScheduledListedAndCancelled() {
        String candidate = stored(withFee("57.00"));
        word(candidate, "approve", "reviewed for 2027").then().statusCode(200);
        String at = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(30).withNano(0).toString();

        int id = asRulesAdmin().contentType(ContentType.JSON)
                .body("{\"effectiveAt\": \"" + at + "\", \"comment\": \"the 2027 tariff\"}")
                .when().post("/api/v1/rulesets/" + candidate + "/activate").then().statusCode(202)
                .body("version", equalTo(candidate)).body("scheduledBy", equalTo("admin")).extract().path("id");
        asAuditor().when().get("/api/v1/rulesets/schedules").then().statusCode(200)
                .body("items.id", hasItem(id));
        asAuditor().when().get("/api/v1/rulesets/" + candidate).then().body("state", equalTo("scheduled"));
        asRulesAdmin().contentType(ContentType.JSON).body("{\"effectiveAt\": \"" + at + "\"}")
                .when().post("/api/v1/rulesets/" + candidate + "/activate").then().statusCode(409)
                .body("detail", containsString("Another activation is scheduled at"));

        asRulesAdmin().contentType(ContentType.JSON).body("{\"comment\": \"postponed\"}")
                .when().post("/api/v1/rulesets/schedules/" + id + "/cancel").then().statusCode(200)
                .body("id", equalTo(id));
        asAuditor().when().get("/api/v1/rulesets/" + candidate).then().body("state", equalTo("approved"));
        asRulesAdmin().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/rulesets/schedules/" + id + "/cancel").then().statusCode(404);
    }

    @Test
    void aBadLimitOrBodyIsNamed() {
        asAuditor().when().get("/api/v1/rulesets/activations?limit=0").then().statusCode(400)
                .body("errors.path", hasItem("limit"));
        String candidate = stored(withFee("56.00"));
        asApprover().contentType(ContentType.JSON).body("{\"comment\": \"ok\", \"effectiveAt\": \"tomorrow\"}")
                .when().post("/api/v1/rulesets/" + candidate + "/approve").then().statusCode(400)
                .body("errors.path", hasItem("effectiveAt"));
        word("sha256:" + "0".repeat(64), "approve", "fine").then().statusCode(404);
    }
}
