package io.posunbind.web;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Over HTTP: a user over their role's limit gets 429 with Retry-After and a problem body, the refusal is counted in
 * the metrics and nothing is recorded; other users and roles are not held back, and a caller without credentials or
 * with the wrong role still hears 401 or 403 first.
 */
@QuarkusTest
@TestProfile(RateLimitApiTest.Limited.class)
class RateLimitApiTest {
    private static final int CLIENT_BURST = 5;

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "unbind.security.rate-limit.\"decision-client\".per-second", "0.01",
                    "unbind.security.rate-limit.\"decision-client\".burst", Integer.toString(CLIENT_BURST),
                    "unbind.security.rate-limit.\"auditor\".per-second", "1000",
                    "unbind.security.rate-limit.\"auditor\".burst", "1000",
                    "unbind.security.rate-limit.\"rules-admin\".per-second", "0.01",
                    "unbind.security.rate-limit.\"rules-admin\".burst", "1");
        }
    }

    @Test
    void aClientOverItsLimitIs429WithRetryAfterCountedAndNotRecorded() throws Exception {
        String request = Files.readString(Path.of("src/test/resources/audit/request.json"));
        double refusedBefore = metric("unbind_rate_limited_total{role=\"decision-client\"}");
        long recordedBefore = recordedCount();
        for (int i = 0; i < CLIENT_BURST; i++) {
            asClient().contentType(ContentType.JSON).body(request).when().post("/api/v1/decisions")
                    .then().statusCode(200);
        }
        String retryAfter = asClient().contentType(ContentType.JSON).body(request).header("Idempotency-Key", "rl-1")
                .when().post("/api/v1/decisions")
                .then().statusCode(429).contentType(Problem.MEDIA_TYPE)
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        // one token every 100 s: the wait is 100 s less what has refilled since the burst was spent
        assertThat(Integer.parseInt(retryAfter)).isBetween(90, 100);
        asClient().contentType(ContentType.JSON).body(request).when().post("/api/v1/decisions").then().statusCode(429)
                .body("detail", org.hamcrest.Matchers.matchesPattern(
                        "User client is over the rate limit of their role; retry after (9\\d|100) s"));

        assertThat(metric("unbind_rate_limited_total{role=\"decision-client\"}")).isEqualTo(refusedBefore + 2);
        assertThat(recordedCount()).as("the refused decision is not recorded").isEqualTo(recordedBefore + CLIENT_BURST);

        // the client is held back everywhere it may go, not only on decisions; others are not
        asClient().when().get("/api/v1/decisions/0190a9e2-0000-7000-8000-000000000000/remedies")
                .then().statusCode(429);
        asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200);
        // without credentials: 401; with a role that may not: 403; both before any limit
        given().contentType(ContentType.JSON).body(request).when().post("/api/v1/decisions").then().statusCode(401);
        asClient().when().get("/api/v1/audit/verify").then().statusCode(403);
    }

    @Test
    void aPersonsRoleHasItsOwnLimit() {
        asRulesAdmin().when().get("/api/v1/rulesets").then().statusCode(200);
        String retryAfter = asRulesAdmin().when().get("/api/v1/rulesets").then().statusCode(429)
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(90, 100);
        assertThat(metric("unbind_rate_limited_total{role=\"rules-admin\"}")).isGreaterThanOrEqualTo(1);
    }

    private static long recordedCount() {
        return asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200)
                .extract().jsonPath().getLong("recordsChecked");
    }

    private static double metric(String sample) {
        return PrometheusSamples.value(sample);
    }
}
