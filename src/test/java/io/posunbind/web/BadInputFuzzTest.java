package io.posunbind.web;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hundreds of generated bad bodies (seeded, so the same every run), each POSTed by a signed-in decision client:
 * every one is answered 4xx with a problem body that gives nothing of the service's insides away, none is 5xx, and
 * none is recorded.
 */
@QuarkusTest
class BadInputFuzzTest {
    private static final long SEED = 20261126L;
    private static final List<String> INSIDES = List.of("Exception", "java.", "io.posunbind", "com.fasterxml",
            "org.", "jackson", "StreamReadConstraints", "at line 0", "/work/", "SQL", "jdbc", "\tat ");

    @Test
    void everyBadBodyIsA4xxProblemAndNoneIsRecorded() {
        List<BadBodies.Body> corpus = new BadBodies(SEED).corpus();
        long recordedBefore = recordsInTheLog();
        Map<String, Integer> tried = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();

        for (BadBodies.Body body : corpus) {
            Response answer = asClient().contentType("application/json").body(body.bytes())
                    .when().post("/api/v1/decisions");
            tried.merge(body.kind(), 1, Integer::sum);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            String problem = problemOf(answer);
            if (problem != null) {
                wrong.add(problem + " for " + body.shown());
            }
        }

        System.out.printf("Bad-input fuzz: tried %d bodies (seed %d) by kind %s; answers by status %s; %d wrong%n",
                corpus.size(), SEED, tried, statuses, wrong.size());
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        wrong.forEach(w -> System.out.println("  WRONG " + w));
        assertThat(wrong).isEmpty();
        assertThat(recordsInTheLog()).as("nothing recorded for a refused body").isEqualTo(recordedBefore);
    }

    /** What is wrong with the answer, or null when it is a proper refusal. */
    private static String problemOf(Response answer) {
        int status = answer.statusCode();
        if (status < 400 || status >= 500) {
            return "status " + status;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith(Problem.MEDIA_TYPE)) {
            return status + " as " + answer.contentType();
        }
        String text = answer.asString();
        JsonNode body = RequestJson.read(text);
        if (body.path("status").asInt() != status || body.path("type").asText().isEmpty()
                || body.path("title").asText().isEmpty()) {
            return status + " with a body not of the problem shape: " + text;
        }
        for (String inside : INSIDES) {
            if (text.contains(inside)) {
                return status + " naming the service's insides (" + inside + "): " + text;
            }
        }
        return null;
    }

    private static long recordsInTheLog() {
        return asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200)
                .extract().jsonPath().getLong("recordsChecked");
    }
}
