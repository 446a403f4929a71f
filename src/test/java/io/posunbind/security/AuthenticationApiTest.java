package io.posunbind.security;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Who may sign in and what a refusal looks like: 401 or 403, always a problem body, never a stack trace. */
@QuarkusTest
class AuthenticationApiTest {

    @Test
    void noCredentialsIs401ProblemWithABasicChallenge() {
        Response refused = given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/decisions");

        assertUnauthorized(refused);
    }

    @Test
    void aWrongPasswordIs401AndTheRightOneWorks() {
        assertUnauthorized(TestUsers.as(TestUsers.AUDITOR, "auditor-demo-pW").when().get("/api/v1/audit/verify"));
        assertUnauthorized(TestUsers.as(TestUsers.AUDITOR, "").when().get("/api/v1/audit/verify"));

        asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void anUnknownUserIs401LikeAWrongPassword() {
        assertUnauthorized(TestUsers.as("mallory", TestUsers.AUDITOR_PASSWORD).when().get("/api/v1/audit/verify"));
    }

    @Test
    void aBearerTokenIs401WhileOidcIsOff() {
        assertUnauthorized(given().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .when().get("/api/v1/audit/verify"));
    }

    @Test
    void theWrongRoleIs403Problem() {
        Response refused = asClient().when().get("/api/v1/audit/verify");

        refused.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .body("status", equalTo(403));
        assertThat(refused.header("WWW-Authenticate")).isNull();
        assertThat(refused.asString()).doesNotContain("Exception", "at io.", "quarkus");
    }

    @Test
    void aRulesAdminMayNotDecideNorReadDecisions() {
        asRulesAdmin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/decisions")
                .then().statusCode(403).contentType("application/problem+json");
        asRulesAdmin().when().get("/api/v1/decisions").then().statusCode(403);
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentStayOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static void assertUnauthorized(Response refused) {
        refused.then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"))
                .body("status", equalTo(401));
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic realm=\"pos-unbind\"");
        assertThat(refused.asString()).doesNotContain("Exception", "at io.", "quarkus");
    }
}
