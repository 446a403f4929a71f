package io.posunbind.decision;

import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.posunbind.scenario.Expectations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The worked examples of the policy (rules/tests/examples) over HTTP, in each language: the answer the policy fixes,
 * the same codes whatever the language, every line with the rule and regulation that produced it.
 */
@QuarkusTest
class WorkedExamplesApiTest {
    private static final List<String> LINES = List.of("findings", "steps", "fees", "refunds", "holds");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules/tests/examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Stream<Arguments> examplesInEachLanguage() throws IOException {
        return examples().flatMap(e -> Stream.of(Arguments.of(e, "zh-CN"), Arguments.of(e, "en")));
    }

    static JsonNode decide(Path example, String language) throws IOException {
        JsonNode file = RequestJson.read(Files.readString(example));
        String answer = asClient().contentType(ContentType.JSON).header("Accept-Language", language)
                .body(file.get("request").toString())
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .header("X-Decision-Id", org.hamcrest.Matchers.notNullValue())
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/decisions/"))
                .header("Content-Language", language)
                .extract().asString();
        return RequestJson.read(answer);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("examplesInEachLanguage")
    void answersTheWorkedExampleWithEveryLineExplained(Path example, String language) throws IOException {
        JsonNode answer = decide(example, language);

        assertThat(Expectations.compare(RequestJson.read(Files.readString(example)).get("expected"), answer))
                .isEmpty();
        assertThat(answer.get("language").asText()).isEqualTo(language);
        for (String list : LINES) {
            for (JsonNode line : answer.get(list)) {
                assertThat(line.path("rule").asText()).as("%s %s: rule", list, line.get("code")).isNotBlank();
                assertThat(line.path("regulation").asText()).as("%s %s: regulation", list, line.get("code"))
                        .isNotBlank();
                String text = line.has("message") ? line.get("message").asText()
                        : line.path("description").asText(line.has("releaseAfterDays") ? "-" : "");
                assertThat(text).as("%s %s: text", list, line.get("code")).isNotBlank().doesNotContain("{");
                if (language.equals("zh-CN") && !list.equals("holds")) {
                    assertThat(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                            == Character.UnicodeScript.HAN)).as("%s in Chinese", text).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void codesNeverChangeWithTheLanguage(Path example) throws IOException {
        JsonNode chinese = decide(example, "zh-CN");
        JsonNode english = decide(example, "en");

        assertThat(codes(chinese)).isEqualTo(codes(english));
        assertThat(chinese.get("totals")).isEqualTo(english.get("totals"));
        assertThat(chinese.get("missingDocuments")).isEqualTo(english.get("missingDocuments"));
    }

    private static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>(List.of(answer.get("verdict").asText()));
        for (String list : LINES) {
            answer.get(list).forEach(line -> codes.add(list + ":" + line.get("code").asText() + ":"
                    + line.path("subject").asText("") + ":" + line.path("amount").asText("")));
        }
        return codes;
    }
}
