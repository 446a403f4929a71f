package io.posunbind.decision;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The language an answer was given in is recorded with it, and a replay compares in that language. */
@QuarkusTest
class AnswerLanguageApiTest {
    private static final Path REQUEST = Path.of("src/test/resources/audit/request.json");

    private static String decide(String acceptLanguage) throws IOException {
        var request = asClient().contentType(ContentType.JSON).body(Files.readString(REQUEST));
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.when().post("/api/v1/decisions").then().statusCode(200).extract().header("X-Decision-Id");
    }

    @Test
    void withoutAcceptLanguageTheAnswerIsInSimplifiedChinese() throws IOException {
        String id = decide(null);

        asAuditor().when().get("/api/v1/decisions/" + id).then().statusCode(200)
                .body("answer.language", equalTo("zh-CN"))
                .body("answer.findings[0].message", containsString("材料"));
    }

    @Test
    void aRecordedAnswerReplaysIdenticalInItsOwnLanguage() throws IOException {
        for (String language : new String[] {"zh-CN", "en"}) {
            String id = decide(language);

            asAuditor().when().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                    .body("identical", equalTo(true))
                    .body("replayed.language", equalTo(language))
                    .body("original.language", equalTo(language));
        }
    }
}
