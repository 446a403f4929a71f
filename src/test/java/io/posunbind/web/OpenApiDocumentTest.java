package io.posunbind.web;

import static io.posunbind.security.TestUsers.asClient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.RequestJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Calling systems build on the OpenAPI document: every operation is typed, every error documented, every example real. */
@QuarkusTest
class OpenApiDocumentTest {
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private static JsonNode document() {
        return RequestJson.read(given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void everyOperationHasAnIdATagATypedSuccessAndItsErrorsAsProblems() {
        JsonNode paths = document().get("paths");
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                operations.add(name);
                assertThat(operation.path("operationId").asText()).as("%s operationId", name).isNotBlank();
                assertThat(operation.path("tags")).as("%s tags", name).isNotEmpty();
                JsonNode responses = operation.get("responses");
                List<String> statuses = new ArrayList<>();
                responses.fieldNames().forEachRemaining(statuses::add);
                assertThat(statuses).as("%s statuses", name).contains("401", "403", "406", "500")
                        .anyMatch(s -> s.startsWith("2"));
                responses.fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("2")) {
                        assertThat(response.getValue().path("content")).as("%s %s content", name,
                                response.getKey()).isNotEmpty();
                    } else {
                        assertThat(response.getValue().path("$ref").asText()).as("%s %s", name, response.getKey())
                                .startsWith("#/components/responses/");
                    }
                });
            }
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(16);
        document().get("components").get("responses").forEach(response -> assertThat(response.get("content")
                .fieldNames().next()).isEqualTo("application/problem+json"));
    }

    @Test
    void signsInWithHttpBasicAndTheDecisionRequestIsTheContractsWithNamedEnums() {
        JsonNode document = document();
        assertThat(document.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes").toString()).doesNotContain("openIdConnect");
        assertThat(document.at("/components/schemas/DecisionRequest/required").toString())
                .contains("reason", "merchant", "terminal", "contract", "account", "dataWipe");
        assertThat(document.at("/components/schemas/DecisionRequest/properties/reason/$ref").asText())
                .isEqualTo("#/components/schemas/Reason");
        assertThat(document.at("/paths/~1api~1v1~1decisions/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/DecisionRequest");
        assertThat(document.at("/components/schemas/RuleSetUpload/type").asText()).isEqualTo("object");
    }

    @Test
    void theRequestExamplesAreThePolicysWorkedExamples() throws IOException {
        JsonNode examples = document().at("/components/examples");
        try (var files = Files.list(Path.of("rules/tests/examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString().replace(".json", "");
                assertThat(examples.at("/" + name + "/value")).as(name)
                        .isEqualTo(RequestJson.read(Files.readString(file)).get("request"));
            }
        }
    }

    @Test
    void theAnswerExamplesAreWhatTheServiceAnswersToday() throws IOException {
        JsonNode examples = document().at("/components/examples");
        assertAnswered(examples.at("/answer-01-zh-CN/value"), examples.at("/01-switch-provider-deposit-refund/value"),
                "zh-CN");
        assertAnswered(examples.at("/answer-03-en/value"),
                examples.at("/03-business-closure-missing-documents/value"), "en");
    }

    private static void assertAnswered(JsonNode example, JsonNode request, String language) {
        JsonNode answer = RequestJson.read(asClient().contentType(ContentType.JSON).header("Accept-Language", language)
                .body(request.toString()).when().post("/api/v1/decisions").then().statusCode(200).extract()
                .asString());
        assertThat(withoutIdentity(answer)).isEqualTo(withoutIdentity(example));
    }

    private static JsonNode withoutIdentity(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("decisionId", "evaluatedAt", "rulesetVersion"));
        return copy;
    }
}
