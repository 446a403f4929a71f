package io.posunbind.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** No users file and no bootstrap user: the service starts, stays healthy, lets no one in and says why. */
@QuarkusTest
@TestProfile(NoUsersTest.WithoutUsers.class)
class NoUsersTest {

    public static class WithoutUsers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("unbind.security.users-file", "", "unbind.security.bootstrap-user", "false");
        }
    }

    @Test
    void startsButEveryProtectedEndpointAnswers401EvenToTheDemoUsers() {
        TestUsers.asClient().contentType("application/json").body("{}").when().post("/api/v1/decisions")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("No users are configured, so no one can sign in"));
        given().when().get("/api/v1/audit/verify").then().statusCode(401)
                .body("detail", org.hamcrest.Matchers.startsWith("No users are configured"));
        TestUsers.asAuditor().when().get("/api/v1/audit/verify").then().statusCode(401);
        TestUsers.asRulesAdmin().contentType("application/json").body("{}").when().post("/api/v1/rulesets/validate")
                .then().statusCode(401);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
