package io.posunbind.web;

import static io.posunbind.security.TestUsers.asClient;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
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
    void unknownPathIs404Problem() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }
}
