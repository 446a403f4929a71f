package io.posunbind.decision;

import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * With tracing on, a decision is a span under its HTTP request's carrying its id, rule-set version and verdict, and
 * the audit writer's batch is a span of its own linked to it; a refused request's span says why.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    // spans leave at once rather than in the exporter's batches of 5 s
                    "quarkus.otel.bsp.schedule.delay", "10ms");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    private SpanData awaitSpan(String name, String attribute, String value) {
        return Awaitility.await(name + " span").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals(name))
                        .filter(s -> attribute == null || value.equals(
                                s.getAttributes().get(AttributeKey.stringKey(attribute))))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    @Test
    void aDecisionIsASpanWithItsIdVersionAndVerdictUnderItsRequestAndLinkedFromItsWriteBatch() throws Exception {
        String request = Files.readString(Path.of("src/test/resources/audit/request.json"));
        JsonPath answer = asClient().contentType(ContentType.JSON).body(request).when().post("/api/v1/decisions")
                .then().statusCode(200).extract().jsonPath();
        String decisionId = answer.getString("decisionId");

        SpanData decide = awaitSpan(DecisionService.SPAN, DecisionService.DECISION_ID, decisionId);
        assertThat(decide.getAttributes().get(AttributeKey.stringKey(DecisionService.RULESET_VERSION)))
                .isEqualTo(answer.getString("rulesetVersion"));
        assertThat(decide.getAttributes().get(AttributeKey.stringKey(DecisionService.VERDICT)))
                .isEqualTo(answer.getString("verdict"));
        assertThat(decide.getAttributes().get(AttributeKey.stringKey(DecisionService.CASE_ID)))
                .isEqualTo(answer.getString("caseId"));
        assertThat(decide.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);

        SpanData http = awaitSpan("POST /api/v1/decisions", null, null);
        assertThat(http.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(decide.getTraceId()).isEqualTo(http.getTraceId());
        assertThat(decide.getParentSpanId()).isEqualTo(http.getSpanId());

        SpanData write = Awaitility.await("the write batch linked to the decision").atMost(Duration.ofSeconds(10))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals("unbind.audit.write"))
                        .filter(s -> s.getLinks().stream().map(LinkData::getSpanContext)
                                .anyMatch(c -> c.getSpanId().equals(decide.getSpanId())))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(write.getTraceId()).as("a batch serves many requests: a trace of its own")
                .isNotEqualTo(decide.getTraceId());
        assertThat(write.getAttributes().get(AttributeKey.longKey("unbind.audit.batch.size")))
                .isBetween(1L, 64L);
        assertThat(write.getEndEpochNanos()).as("the record is committed before the decision ends")
                .isLessThanOrEqualTo(decide.getEndEpochNanos());
    }

    @Test
    void aRefusedDecisionsSpanIsAnErrorNamingWhy() {
        asClient().contentType(ContentType.JSON).body("{\"caseId\": 12}").when().post("/api/v1/decisions")
                .then().statusCode(400);
        SpanData decide = awaitSpan(DecisionService.SPAN, null, null);
        assertThat(decide.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(decide.getStatus().getDescription()).isEqualTo("InvalidRequestException");
        List<String> events = decide.getEvents().stream().map(e -> e.getName()).toList();
        assertThat(events).contains("exception");
    }
}
