package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.request;
import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The database goes away under a running service: a decision that cannot be recorded is not answered (503 with a
 * problem body, no decision in it), reads answer 503, and afterwards the store holds no trace of the unanswered
 * decision. One test per class: the database stays away afterwards.
 */
abstract class StorageOutageContract {

    /** Takes the database away from the running service. */
    abstract void cutTheDatabase() throws Exception;

    /** Reads the store behind the service's back (the database may come back for this): records of the case. */
    abstract long recordsOfCase(String caseId) throws Exception;

    @Test
    void noDecisionIsAnsweredWhileItCannotBeRecorded() throws Exception {
        String merchant = "M-" + UUID.randomUUID();
        String recordedId = asClient().contentType(ContentType.JSON).body(request("CASE-BEFORE", merchant))
                .when().post("/api/v1/decisions").then().statusCode(200).extract().header("X-Decision-Id");

        cutTheDatabase();
        Response refused = asClient().contentType(ContentType.JSON).body(request("CASE-DURING", merchant))
                .when().post("/api/v1/decisions");

        refused.then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/decision-not-recorded"))
                .body(not(containsString("verdict")));
        assertThat(refused.header("X-Decision-Id")).isNull();
        assertThat(refused.header("Retry-After")).isNotNull();
        asAuditor().when().get("/api/v1/decisions/" + recordedId).then().statusCode(503)
                .body("type", equalTo("/problems/audit-store-unavailable"));
        asAuditor().queryParam("merchantId", merchant).when().get("/api/v1/decisions").then().statusCode(503);
        asAuditor().when().get("/api/v1/audit/verify").then().statusCode(503);
        asAuditor().when().get("/api/v1/audit/export").then().statusCode(503);
        assertThat(recordsOfCase("CASE-DURING")).isZero();
        assertThat(recordsOfCase("CASE-BEFORE")).isEqualTo(1);
    }
}
