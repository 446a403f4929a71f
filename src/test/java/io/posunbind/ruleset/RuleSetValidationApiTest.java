package io.posunbind.ruleset;

import static io.posunbind.security.TestUsers.asRulesAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /api/v1/rulesets/validate: the report's shape, problems located in the files, and bad bodies refused. */
@QuarkusTest
class RuleSetValidationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped verdict rules, a fee rule and its scenarios. */
    private static Map<String, String> candidate() {
        Map<String, String> files = new TreeMap<>();
        files.put("verdict/verdict.drl", read("rules/verdict/verdict.drl"));
        files.put("fees/fees.drl", read("src/test/resources/ruleset/validation/fees.drl"));
        files.put("fees/fees.scenarios.json", read("src/test/resources/ruleset/validation/fees.scenarios.json"));
        files.put("texts/en.properties", read("src/test/resources/ruleset/validation/texts/en.properties"));
        files.put("texts/zh-CN.properties", read("src/test/resources/ruleset/validation/texts/zh-CN.properties"));
        return files;
    }

    private static String body(Object files) throws IOException {
        return JSON.writeValueAsString(Map.of("files", files));
    }

    @Test
    void validCandidateAnswersASummaryAndEveryScenarioOnRequest() throws IOException {
        asRulesAdmin().contentType(ContentType.JSON).body(body(candidate()))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("version", startsWith("sha256:"))
                .body("errors", empty())
                .body("scenarios.passed", equalTo(2))
                .body("scenarios.failed", equalTo(0))
                .body("scenarios.results", empty())
                .body("$", not(hasKey("accepted")));
        asRulesAdmin().contentType(ContentType.JSON).body(body(candidate()))
                .when().post("/api/v1/rulesets/validate?scenarios=all")
                .then().statusCode(200)
                .body("scenarios.results.name", hasItem("A device fault is charged nothing"));
    }

    @Test
    void acceptAnswersTheScenarioFilesWithTheNewAnswersAndChangesOnlyTheirValues() throws IOException {
        Map<String, String> files = candidate();
        files.put("fees/fees.drl", files.get("fees/fees.drl").replace("\"50.00\"", "\"60.00\""));
        String before = files.get("fees/fees.scenarios.json");
        String accepted = asRulesAdmin().contentType(ContentType.JSON).body(body(files))
                .when().post("/api/v1/rulesets/validate?accept=true")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("accepted.changes[0].scenario", equalTo("A switch of provider pays the account closure fee"))
                .body("accepted.changes[0].what[0]", containsString("fees[ACCOUNT_CLOSURE].amount"))
                .body("accepted.notAccepted", empty())
                .extract().path("accepted.files.'fees/fees.scenarios.json'");
        assertThat(accepted).isEqualTo(before.replace("\"amount\": 50.0", "\"amount\": 60.0"));
    }

    @Test
    void aRuleWithoutEndIsReportedWhereItOpenedWithNoClassNameInTheAnswer() throws IOException {
        Map<String, String> files = candidate();
        files.put("fees/fees.drl", files.get("fees/fees.drl").replace("end\n", "\n"));
        String answer = asRulesAdmin().contentType(ContentType.JSON).body(body(files))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("fees/fees.drl"))
                .body("errors[0].line", equalTo(5))
                .body("errors[0].message", containsString("opened at line 5 has no end"))
                .extract().asString();
        assertThat(answer).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+|Exception|\\bat [a-z]+\\.");
    }

    @Test
    void aRuleWithoutRegulationIsRefusedNamingIt() throws IOException {
        Map<String, String> files = candidate();
        files.put("fees/fees.drl", files.get("fees/fees.drl").replace("    @regulation(\"Unbind policy v1 §4\")\n", ""));
        asRulesAdmin().contentType(ContentType.JSON).body(body(files))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].message", containsString("The rule \"Closing the account costs 50.00\" has no "
                        + "@regulation"));
    }

    @Test
    void scenariosOtherThanFailedOrAllIs400() throws IOException {
        asRulesAdmin().contentType(ContentType.JSON).body(body(candidate()))
                .when().post("/api/v1/rulesets/validate?scenarios=some")
                .then().statusCode(400)
                .body("errors[0].path", equalTo("scenarios"));
    }

    @Test
    void brokenFileAnswersTheLineAndColumnOfTheProblem() throws IOException {
        Map<String, String> files = candidate();
        files.put("fees/fees.drl", files.get("fees/fees.drl").replace("Reason.DEVICE_FAULT", "Reason.DEVICE_FAULTY"));
        asRulesAdmin().contentType(ContentType.JSON).body(body(files))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("fees/fees.drl"))
                .body("errors[0].line", equalTo(9))
                .body("errors[0].column", equalTo(70))
                .body("errors[0].message", containsString("Did you mean DEVICE_FAULT?"))
                .body("scenarios.passed", equalTo(0));
    }

    @Test
    void failingScenarioMakesTheCandidateInvalidAndSaysWhatDiffered() throws IOException {
        Map<String, String> files = candidate();
        files.put("fees/fees.drl", files.get("fees/fees.drl").replace("\"50.00\"", "\"60.00\""));
        asRulesAdmin().contentType(ContentType.JSON).body(body(files))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors", empty())
                .body("scenarios.failed", equalTo(1))
                .body("scenarios.results[0].mismatches[0]",
                        equalTo("fees[ACCOUNT_CLOSURE].amount: expected 50.00, got 60.00"));
    }

    @Test
    void unsafeFileIsRefusedWithItsLine() throws IOException {
        Map<String, String> files = candidate();
        files.put("fees/fees.drl", files.get("fees/fees.drl").replace("insert(", "System.exit(1); insert("));
        asRulesAdmin().contentType(ContentType.JSON).body(body(files))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].line", equalTo(11))
                .body("errors[0].message", containsString("`System` is not allowed"));
    }

    @Test
    void bodyWithoutFilesIs400() {
        asRulesAdmin().contentType(ContentType.JSON).body("{\"label\": \"x\"}")
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.path", hasItem("files"));
    }

    @Test
    void fileTextThatIsNotAStringIs400() throws IOException {
        asRulesAdmin().contentType(ContentType.JSON).body(body(Map.of("fees/fees.drl", 42)))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(400)
                .body("errors[0].path", equalTo("files.fees/fees.drl"))
                .body("errors[0].message", containsString("JSON string"));
    }

    @Test
    void pathsLeavingTheRuleSetAre400() throws IOException {
        asRulesAdmin().contentType(ContentType.JSON).body(body(Map.of("../etc/x.drl", "", "/abs/x.drl", "")))
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(400)
                .body("errors.path", hasItem("files.../etc/x.drl"))
                .body("errors.path", hasItem("files./abs/x.drl"));
    }

    @Test
    void malformedJsonIs400() {
        asRulesAdmin().contentType(ContentType.JSON).body("{\"files\": ")
                .when().post("/api/v1/rulesets/validate")
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-json"));
    }
}
