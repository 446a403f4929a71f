package io.posunbind.web;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.posunbind.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Bad HTTP (not bad fields) gets a clear problem answer, never a stack trace. */
@QuarkusTest
class HttpErrorContractTest {

    @Test
    void malformedJsonIs400SayingWhereItBreaks() {
        asClient().contentType(ContentType.JSON).body("{\"reason\": \"SWITCH_PROVIDER\",, }")
                .when().post("/api/v1/decisions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void emptyBodyIs400() {
        asClient().contentType(ContentType.JSON).body("")
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIs415() {
        asClient().contentType(ContentType.TEXT).body("reason=SWITCH_PROVIDER")
                .when().post("/api/v1/decisions")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"caseId\":\"" + "x".repeat(70_000) + "\"}";
        asClient().contentType(ContentType.JSON).body(big)
                .when().post("/api/v1/decisions")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 65536"));
    }

    @Test
    void aBodyThatDeclaresNoLengthIsHeldToTheSameLimit() throws Exception {
        HttpResponse<String> answer = postChunked(100_000);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"status\":413").contains("at most 65536");
    }

    /**
     * Past the HTTP layer's own 1 MiB backstop the answer is 413 too. It may have no body: when the bytes arrive
     * faster than the endpoint reads them, the HTTP layer answers and closes before the endpoint's counter trips.
     */
    @Test
    void aHugeBodyThatDeclaresNoLengthIs413WithNothingOfTheInsides() throws Exception {
        HttpResponse<String> answer = postChunked(2_000_000);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).satisfiesAnyOf(body -> assertThat(body).isEmpty(),
                body -> assertThat(body).contains("\"status\":413").doesNotContain("Exception"));
    }

    @Test
    void aBodyDeclaredOverTheHttpLayersLimitGetsTheSameProblemBody() {
        String big = "{\"caseId\":\"" + "x".repeat(1_200_000) + "\"}";
        asClient().contentType(ContentType.JSON).body(big)
                .when().post("/api/v1/decisions")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body("detail", containsString("at most 1048576"));
        asRulesAdmin().contentType(ContentType.JSON).body(big)
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anUnknownQueryParameterIsRefusedNamingItAndTheKnownOnes() {
        asAuditor().queryParam("merchant", "M-1").queryParam("limit", "5")
                .when().get("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].path", equalTo("merchant"))
                .body("errors[0].message", containsString("caseId, cursor, from, limit, merchantId"));
    }

    @Test
    void aQueryParameterOfTheWrongTypeIs400NamingIt() {
        asAuditor().queryParam("wait", "30s")
                .when().post("/api/v1/rulesets/sha256:no-such-version/simulate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].path", equalTo("wait"))
                .body("errors[0].message", equalTo("must be a whole number of seconds from 0 to 60, not '30s'"));
    }

    /** Posts {@code size} bytes of JSON-looking text as a stream of unknown length, so it goes chunked. */
    private static HttpResponse<String> postChunked(int size) throws Exception {
        byte[] body = ("{\"caseId\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/decisions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.CLIENT + ":client-demo-pw").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownPathIs404Problem() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }
}
