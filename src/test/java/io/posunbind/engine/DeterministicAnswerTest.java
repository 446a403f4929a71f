package io.posunbind.engine;

import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DeterministicAnswerTest {

    @Test
    void sameRequestAndAsOfGiveByteIdenticalAnswersApartFromIdAndTime() throws IOException {
        String request = RequestJson.read(Files.readString(
                Path.of("rules/tests/examples/06-settlement-issue-with-chargebacks-and-debt.json")))
                .get("request").toString();
        String first = post(request);
        String second = post(request);
        assertThat(first).isNotEqualTo(second);
        assertThat(withoutIdentity(first)).isEqualTo(withoutIdentity(second));
        assertThat(first).contains("\"firedRules\":[\"");
    }

    private static String post(String body) {
        return asClient().contentType(ContentType.JSON).body(body).when().post("/api/v1/decisions")
                .then().statusCode(200).extract().asString();
    }

    private static String withoutIdentity(String answer) {
        return answer.replaceFirst("\"decisionId\":\"[^\"]+\"", "\"decisionId\":\"-\"")
                .replaceFirst("\"evaluatedAt\":\"[^\"]+\"", "\"evaluatedAt\":\"-\"");
    }
}
