package io.posunbind.ruleset;

import static io.posunbind.ruleset.LifecycleFixtures.activate;
import static io.posunbind.ruleset.LifecycleFixtures.decide;
import static io.posunbind.ruleset.LifecycleFixtures.stored;
import static io.posunbind.ruleset.LifecycleFixtures.upload;
import static io.posunbind.ruleset.LifecycleFixtures.withFee;
import static io.posunbind.ruleset.LifecycleFixtures.writeDirectory;
import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Versions over HTTP: list and read, store, activate, roll back, reload; a broken candidate never decides. */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class RuleSetApiTest {

    @AfterEach
    void restoreTheDirectory() {
        writeDirectory(withFee("10.00"));
        asRulesAdmin().when().post("/api/v1/rulesets/reload").then().statusCode(200);
    }

    static String handlingFee(JsonPath answer) {
        return answer.getString("fees.find { it.code == 'HANDLING' }.amount");
    }

    @Test
    void theDirectoryIsStoredAndActiveAtStartupWithItsFiles() {
        JsonPath active = asAuditor().when().get("/api/v1/rulesets/active").then().statusCode(200).extract().jsonPath();

        assertThat(active.getString("version")).startsWith("sha256:");
        assertThat(active.getBoolean("active")).isTrue();
        assertThat(active.getString("source")).isEqualTo("directory");
        assertThat(active.getString("activatedAt")).isNotNull();
        assertThat(active.getString("files.'fees/handling.drl'")).contains("\"HANDLING\"");
        assertThat(active.getBoolean("validation.valid")).isTrue();
        assertThat(active.getInt("validation.scenariosPassed")).isEqualTo(2);
        assertThat(given().when().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'rule-set' }.data.version"))
                .isEqualTo(active.getString("version"));
    }

    @Test
    void storesAValidCandidateWithItsLabelAndActivatesNothing() {
        String before = asAuditor().when().get("/api/v1/rulesets/active").path("version");
        Map<String, String> files = withFee("11.00");

        String version = upload(files, "handling 11.00").then().statusCode(201)
                .header("Location", containsString("/api/v1/rulesets/sha256:"))
                .body("source", equalTo("upload"))
                .body("label", equalTo("handling 11.00"))
                .body("active", equalTo(false))
                .body("validation.scenariosPassed", equalTo(2))
                .extract().path("version");

        upload(files, "again").then().statusCode(200).body("label", equalTo("handling 11.00"));
        asAuditor().when().get("/api/v1/rulesets/" + version).then().statusCode(200)
                .body("files.'fees/handling.drl'", containsString("\"11.00\""))
                .body("activatedAt", equalTo(null));
        asAuditor().when().get("/api/v1/rulesets").then().statusCode(200)
                .body("items.version", hasItem(version))
                .body("items[0].createdAt", notNullValue());
        assertThat(asAuditor().when().get("/api/v1/rulesets/active").<String>path("version")).isEqualTo(before);
    }

    @Test
    void aCandidateThatDoesNotCompileIsRefusedWithFileLineAndColumnAndNeverStored() {
        Map<String, String> files = withFee("12.00");
        files.put("fees/handling.drl", files.get("fees/handling.drl").replace("Reason.SWITCH_PROVIDER",
                "Reason.SWITCH_PROVIDERS"));

        String version = upload(files, null).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/rule-set-rejected"))
                .body("errors[0].path", equalTo("fees/handling.drl:10:34"))
                .body("errors[0].message", containsString("SWITCH_PROVIDER"))
                .extract().path("detail");

        assertThat(version).contains("1 error(s)");
        asAuditor().when().get("/api/v1/rulesets").then().body("items.label", org.hamcrest.Matchers.not(hasItem(
                "broken")));
    }

    @Test
    void aCandidateWhoseScenarioFailsIsRefusedNamingTheScenario() {
        Map<String, String> files = withFee("13.00");
        files.put("fees/handling.scenarios.json", withFee("10.00").get("fees/handling.scenarios.json"));

        upload(files, null).then().statusCode(422)
                .body("errors[0].path", equalTo("fees/handling.scenarios.json › Switching provider costs the "
                        + "handling fee"))
                .body("errors[0].message", containsString("HANDLING"));
        asAuditor().when().get("/api/v1/rulesets/" + io.posunbind.engine.RuleFiles.of(files).version())
                .then().statusCode(404);
    }

    @Test
    void activatingAVersionMakesItDecideAndActivatingTheOldOneRollsBack() {
        String original = asAuditor().when().get("/api/v1/rulesets/active").path("version");
        String candidate = stored(withFee("25.00"));

        activate(candidate).then().statusCode(200)
                .body("version", equalTo(candidate))
                .body("previousVersion", equalTo(original))
                .body("changed", equalTo(true));
        JsonPath answer = decide().then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("rulesetVersion")).isEqualTo(candidate);
        assertThat(handlingFee(answer)).isEqualTo("25.0");
        activate(candidate).then().statusCode(200).body("changed", equalTo(false));

        activate(original).then().statusCode(200).body("version", equalTo(original));
        JsonPath rolledBack = decide().then().statusCode(200).extract().jsonPath();
        assertThat(rolledBack.getString("rulesetVersion")).isEqualTo(original);
        assertThat(handlingFee(rolledBack)).isEqualTo("10.0");
        asAuditor().when().get("/api/v1/rulesets/" + candidate).then().body("activatedAt", notNullValue())
                .body("active", equalTo(false));
    }

    @Test
    void onlyRulesAdminsChangeRuleSetsAuditorsReadThemAndWhoDidWhatIsRecorded() {
        String original = asAuditor().when().get("/api/v1/rulesets/active").path("version");
        String candidate = upload(withFee("14.00"), null).then().statusCode(201)
                .body("createdBy", equalTo("admin")).extract().path("version");

        asAuditor().when().post("/api/v1/rulesets/" + candidate + "/activate").then().statusCode(403);
        given().when().post("/api/v1/rulesets/reload").then().statusCode(401);
        io.posunbind.security.TestUsers.asClient().when().get("/api/v1/rulesets").then().statusCode(403);
        asAuditor().when().get("/api/v1/rulesets/" + candidate).then().statusCode(200);

        activate(candidate).then().statusCode(200).body("activatedBy", equalTo("admin"));
        activate(original).then().statusCode(200);
    }

    @Test
    void activatingAVersionThatIsNotStoredIs404() {
        activate("sha256:" + "0".repeat(64)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void reloadStoresAChangedDirectoryActivatesItOnceApprovedAndAnUnchangedOneChangesNothing() {
        writeDirectory(withFee("30.00"));

        String version = io.posunbind.engine.RuleFiles.of(withFee("30.00")).version();
        asRulesAdmin().when().post("/api/v1/rulesets/reload").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("The rules directory's version is stored; it is not activated"))
                .body("detail", containsString("needs 1 approval by a rules approver other than its author (admin)"));
        asAuditor().when().get("/api/v1/rulesets/" + version).then().statusCode(200)
                .body("state", equalTo("awaiting-approval")).body("createdBy", equalTo("admin"));
        LifecycleFixtures.approve(version).then().statusCode(200).body("approved", equalTo(true));
        asRulesAdmin().when().post("/api/v1/rulesets/reload").then().statusCode(200)
                .body("changed", equalTo(true)).body("version", equalTo(version));
        asRulesAdmin().when().post("/api/v1/rulesets/reload").then().statusCode(200)
                .body("changed", equalTo(false)).body("version", equalTo(version));

        JsonPath answer = decide().then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("rulesetVersion")).isEqualTo(version);
        assertThat(handlingFee(answer)).isEqualTo("30.0");
        asAuditor().when().get("/api/v1/rulesets/" + version).then().body("source", equalTo("directory"));
    }

    @Test
    void reloadingABrokenDirectoryIs422AndTheLastGoodSetKeepsDeciding() {
        String before = asAuditor().when().get("/api/v1/rulesets/active").path("version");
        Map<String, String> broken = withFee("40.00");
        broken.put("fees/handling.drl", broken.get("fees/handling.drl").replace("insert(", "System.exit(1); insert("));
        writeDirectory(broken);

        asRulesAdmin().when().post("/api/v1/rulesets/reload").then().statusCode(422)
                .body("errors.path", hasItem("fees/handling.drl:12:5"))
                .body("errors.message", hasItem(containsString("`System` is not allowed")));

        assertThat(asAuditor().when().get("/api/v1/rulesets/active").<String>path("version")).isEqualTo(before);
        List<String> versions = asAuditor().when().get("/api/v1/rulesets").path("items.version");
        assertThat(versions).doesNotContain(io.posunbind.engine.RuleFiles.of(broken).version());
        assertThat(decide().then().statusCode(200).extract().<String>path("rulesetVersion")).isEqualTo(before);
    }
}
