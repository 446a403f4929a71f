package io.posunbind.web;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A flood of decisions is refused at once with 503 and Retry-After, and the gate opens again as answers end. */
@QuarkusTest
class DecisionGateTest {
    @Inject
    DecisionGate gate;

    @ConfigProperty(name = "unbind.decisions.max-concurrent")
    int maxConcurrent;

    @Test
    void whenEveryPermitIsTakenADecisionIs503WithRetryAfterAndOthersEndpointsStillAnswer() throws Exception {
        String request = Files.readString(Path.of("src/test/resources/audit/request.json"));
        int taken = gate.takeAll();
        try {
            assertThat(taken).isEqualTo(maxConcurrent).isEqualTo(64);
            asClient().contentType(ContentType.JSON).body(request).when().post("/api/v1/decisions")
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", "1")
                    .header("X-Content-Type-Options", "nosniff")
                    .body("type", equalTo("/problems/too-busy"));
            asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200);
        } finally {
            gate.release(taken);
        }
        asClient().contentType(ContentType.JSON).body(request).when().post("/api/v1/decisions")
                .then().statusCode(200);
        assertEveryPermitComesBack();
    }

    @Test
    void refusedAndFailedDecisionsGiveTheirPermitBack() {
        for (int i = 0; i < 40; i++) {
            asClient().contentType(ContentType.JSON).body("{").when().post("/api/v1/decisions").then().statusCode(400);
            asAuditor().contentType(ContentType.JSON).body("{}").when().post("/api/v1/decisions")
                    .then().statusCode(403);
        }
        assertEveryPermitComesBack();
    }

    /**
     * A permit is given back by the response's end handler, which runs on the server after the last byte is written
     * and may run after the client has read the answer; so the count is awaited, not read once.
     */
    private void assertEveryPermitComesBack() {
        await("every permit back once the answers ended").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> assertThat(gate.available()).isEqualTo(maxConcurrent));
    }
}
