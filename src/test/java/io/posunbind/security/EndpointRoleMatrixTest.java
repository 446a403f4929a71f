package io.posunbind.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the OpenAPI document, with no credentials and as each role: 401 without credentials, 403 with a
 * role the spec does not allow, anything but 401/403 with one it does. An endpoint added later is walked too; one
 * missing from {@link #ALLOWED} fails until someone says who may call it.
 */
@QuarkusTest
class EndpointRoleMatrixTest {
    private static final Set<String> BOTH_READERS = Set.of(Roles.RULES_ADMIN, Roles.AUDITOR);
    /** Who reads the versions and their history: the admins, the approvers who review them, the auditors. */
    private static final Set<String> RULE_SET_READERS = Set.of(Roles.RULES_ADMIN, Roles.RULES_APPROVER,
            Roles.AUDITOR);

    /** Who may call what (spec: Roles), by method and path; a path parameter is written {}. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("POST /api/v1/decisions", Set.of(Roles.DECISION_CLIENT)),
            Map.entry("GET /api/v1/decisions", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/decisions/{}", Set.of(Roles.AUDITOR)),
            Map.entry("POST /api/v1/decisions/{}/replay", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/decisions/{}/remedies", Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR)),
            Map.entry("GET /api/v1/audit/verify", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/audit/export", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/audit/checkpoint", Set.of(Roles.AUDITOR)),
            Map.entry("POST /api/v1/audit/checkpoint", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/audit/checkpoints", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/audit/public-key", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/audit/retention", Set.of(Roles.AUDITOR)),
            Map.entry("POST /api/v1/audit/archive", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/audit/consistency", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/decisions/{}/proof", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/v1/decisions/{}/case-file", Set.of(Roles.AUDITOR)),
            Map.entry("POST /api/v1/rulesets/validate", Set.of(Roles.RULES_ADMIN)),
            Map.entry("GET /api/v1/rulesets", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/active", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/{}", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/activations", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/events", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/schedules", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/{}/diff", RULE_SET_READERS),
            Map.entry("POST /api/v1/rulesets/schedules/{}/cancel", Set.of(Roles.RULES_ADMIN)),
            Map.entry("POST /api/v1/rulesets/{}/approve", Set.of(Roles.RULES_APPROVER)),
            Map.entry("POST /api/v1/rulesets/{}/reject", Set.of(Roles.RULES_APPROVER)),
            Map.entry("POST /api/v1/rulesets", Set.of(Roles.RULES_ADMIN)),
            Map.entry("POST /api/v1/rulesets/{}/activate", Set.of(Roles.RULES_ADMIN)),
            Map.entry("POST /api/v1/rulesets/reload", Set.of(Roles.RULES_ADMIN)),
            Map.entry("POST /api/v1/rulesets/{}/simulate", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/{}/usage", RULE_SET_READERS),
            Map.entry("POST /api/v1/rulesets/{}/shadow", Set.of(Roles.RULES_ADMIN)),
            Map.entry("POST /api/v1/rulesets/shadow/stop", Set.of(Roles.RULES_ADMIN)),
            Map.entry("GET /api/v1/rulesets/shadow", RULE_SET_READERS),
            Map.entry("GET /api/v1/rulesets/simulations/{}", RULE_SET_READERS));

    private static final Map<String, Supplier<RequestSpecification>> CALLERS = callers();

    private static Map<String, Supplier<RequestSpecification>> callers() {
        Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
        callers.put("no credentials", () -> given());
        callers.put(Roles.DECISION_CLIENT, TestUsers::asClient);
        callers.put(Roles.RULES_ADMIN, TestUsers::asRulesAdmin);
        callers.put(Roles.RULES_APPROVER, TestUsers::asApprover);
        callers.put(Roles.AUDITOR, TestUsers::asAuditor);
        return callers;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointTimesEveryCaller() {
        // one recorded decision, so that an allowed export has a line to answer whatever ran before
        TestUsers.asClient().contentType(ContentType.JSON).body(java.nio.file.Path.of("src/test/resources/audit/request.json").toFile())
                .when().post("/api/v1/decisions").then().statusCode(200);
        List<String[]> endpoints = endpoints();
        assertThat(endpoints).as("the OpenAPI document lists the API").hasSizeGreaterThanOrEqualTo(7);
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            String method = endpoint[0];
            String path = endpoint[1];
            String key = method + " " + path.replaceAll("\\{[^}]*}", "{}");
            for (var caller : CALLERS.entrySet()) {
                tests.add(DynamicTest.dynamicTest(key + " by " + caller.getKey(),
                        () -> check(key, method, path, caller.getKey(), caller.getValue().get())));
            }
        }
        return tests.stream();
    }

    private static void check(String key, String method, String path, String caller, RequestSpecification request) {
        Set<String> allowed = ALLOWED.get(key);
        if (allowed == null) {
            fail("No expected roles for %s: add it to EndpointRoleMatrixTest.ALLOWED with the roles the spec's "
                    + "Roles table gives it", key);
        }
        String concrete = path.replaceAll("\\{[^}]*}", "00000000-0000-0000-0000-000000000000");
        Response response = request.contentType(ContentType.JSON).body("{}").request(method, concrete);
        int status = response.statusCode();
        if (caller.equals("no credentials")) {
            assertThat(status).as("%s without credentials", key).isEqualTo(401);
        } else if (allowed.contains(caller)) {
            assertThat(status).as("%s as %s, which may call it", key, caller).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s as %s, which may not call it", key, caller).isEqualTo(403);
        }
        if (status == 401 || status == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    /** [method, path] of every operation under /api/ in the OpenAPI document. */
    private static List<String[]> endpoints() {
        JsonNode paths = RequestJson.read(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString()).get("paths");
        List<String[]> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fieldNames().forEachRemaining(m -> endpoints.add(new String[] {m.toUpperCase(),
                        path.getKey()}));
            }
        }
        return endpoints;
    }
}
