package io.posunbind.decision;

import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.posunbind.scenario.Expectations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The worked examples of the spec (copied verbatim into rules/tests/examples) over HTTP. */
@QuarkusTest
class WorkedExamplesApiTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules/tests/examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void answersTheWorkedExampleExactly(Path example) throws IOException {
        JsonNode file = RequestJson.read(Files.readString(example));
        String answer = asClient().contentType(ContentType.JSON).body(file.get("request").toString())
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .header("X-Decision-Id", org.hamcrest.Matchers.notNullValue())
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/decisions/"))
                .extract().asString();
        assertThat(Expectations.compare(file.get("expected"), RequestJson.read(answer))).isEmpty();
    }
}
