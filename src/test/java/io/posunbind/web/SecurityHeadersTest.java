package io.posunbind.web;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every answer carries the security headers, errors included; API answers are not cached nor rendered. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void apiAnswersAndErrorsCarryTheHeadersAndAreNeverCached() {
        for (Response answer : new Response[] {asAuditor().when().get("/api/v1/audit/verify"),
                given().when().get("/api/v1/audit/verify"), asAuditor().when().get("/api/v1/nothing-here")}) {
            assertCommonHeaders(answer);
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void swaggerUiMayRunItsOwnScriptsButNothingFromElsewhere() {
        Response page = given().when().get("/q/swagger-ui/");

        page.then().statusCode(200);
        assertCommonHeaders(page);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self' 'unsafe-inline'")
                .contains("frame-ancestors 'none'").doesNotContain("*").doesNotContain("http");
        assertCommonHeaders(given().when().get("/q/health/ready"));
    }

    private static void assertCommonHeaders(Response answer) {
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
