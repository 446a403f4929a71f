package io.posunbind.audit;

import static io.posunbind.security.TestUsers.asApprover;
import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.posunbind.engine.RuleCatalog;
import io.posunbind.engine.RuleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Rule usage over the worked examples of policy v1: every rule that fired, with how often, and every one that did not. */
@QuarkusTest
class RuleUsageApiTest {

    @Test
    void overTheWorkedExamplesEveryRuleThatFiredAndEveryOneThatDidNotAreListed() throws Exception {
        Instant from = Instant.now();
        Thread.sleep(5);
        Set<String> firedInAnswers = new TreeSet<>();
        List<Path> examples;
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("rules/tests/examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        String version = null;
        for (Path example : examples) {
            JsonNode request = RequestJson.read(Files.readAllBytes(example)).get("request");
            JsonPath answer = asClient().contentType(ContentType.JSON).body(request.toString()).when()
                    .post("/api/v1/decisions").then().statusCode(200).extract().jsonPath();
            firedInAnswers.addAll(answer.getList("firedRules", String.class));
            version = answer.getString("rulesetVersion");
        }
        Set<String> allRules = RuleCatalog.of(RuleFiles.readDirectory(Path.of("rules"))).rules().keySet();

        JsonPath usage = asApprover().queryParam("from", from.toString()).when()
                .get("/api/v1/rulesets/" + version + "/usage").then().statusCode(200).extract().jsonPath();
        assertThat(usage.getLong("decisions")).isEqualTo(examples.size());
        assertThat(usage.getList("rules.name", String.class)).containsExactlyInAnyOrderElementsOf(allRules);
        assertThat(usage.getList("rules.findAll { it.fired > 0 }.name", String.class))
                .containsExactlyInAnyOrderElementsOf(firedInAnswers);
        Set<String> never = new TreeSet<>(allRules);
        never.removeAll(firedInAnswers);
        assertThat(usage.getList("neverFired", String.class)).containsExactlyElementsOf(never);
        assertThat(never).as("the examples do not fire every rule").isNotEmpty();
        assertThat(usage.getInt("rules[0].fired")).isEqualTo(examples.size());

        asAuditor().queryParam("from", "yesterday").when().get("/api/v1/rulesets/" + version + "/usage").then()
                .statusCode(400);
        asAuditor().when().get("/api/v1/rulesets/sha256:" + "0".repeat(64) + "/usage").then().statusCode(404);
    }
}
