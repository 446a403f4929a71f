package io.posunbind.decision;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.posunbind.engine.RequestJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /api/v1/decisions/{id}/remedies for the calling system that asked, and for auditors. */
@QuarkusTest
class RemedyApiTest {

    private static String decide(String example) throws IOException {
        String body = RequestJson.read(Files.readString(Path.of("rules/tests/examples", example + ".json")))
                .get("request").toString();
        return asClient().contentType(ContentType.JSON).body(body).when().post("/api/v1/decisions")
                .then().statusCode(200).extract().header("X-Decision-Id");
    }

    @Test
    void theCallingSystemThatAskedSeesWhatWouldApproveTheCase() throws IOException {
        String id = decide("03-business-closure-missing-documents");

        asClient().header("Accept-Language", "en").when().get("/api/v1/decisions/" + id + "/remedies")
                .then().statusCode(200).header("Content-Language", "en")
                .body("verdict", equalTo("INCOMPLETE"))
                .body("curable", equalTo(true))
                .body("cures[0].changes.remedy", hasItems("PROVIDE_DOCUMENT"))
                .body("cures[0].changes.documents.flatten()", hasItems("DEREGISTRATION_PROOF",
                        "SETTLEMENT_ACCOUNT_PROOF"));
        asAuditor().when().get("/api/v1/decisions/" + id + "/remedies").then().statusCode(200)
                .header("Content-Language", "zh-CN");
    }

    @Test
    void aHeldMerchantCannotBeCuredAndTheAnswerSaysWhichFindingStays() throws IOException {
        String id = decide("02-regulatory-hold-rejected");

        asClient().when().get("/api/v1/decisions/" + id + "/remedies").then().statusCode(200)
                .body("curable", equalTo(false))
                .body("blocking.code", hasItems("REGULATORY_HOLD"));
    }

    @Test
    void anUnknownDecisionIsNotFoundAndOtherRolesAreRefused() throws IOException {
        asClient().when().get("/api/v1/decisions/no-such-decision/remedies").then().statusCode(404)
                .contentType("application/problem+json");
        asRulesAdmin().when().get("/api/v1/decisions/" + decide("01-switch-provider-deposit-refund") + "/remedies")
                .then().statusCode(403);
    }
}
