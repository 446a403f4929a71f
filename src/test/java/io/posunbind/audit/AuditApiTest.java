package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.request;
import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.posunbind.security.TestUsers;
import io.posunbind.storage.Storage.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The audit API over HTTP on the embedded H2, as the service runs by default. {@link PostgresAuditApiTest} runs the
 * same tests with the service on PostgreSQL. Each test works with merchants of its own, so tests sharing the store
 * never see each other's decisions.
 */
@QuarkusTest
class AuditApiTest {
    @Inject
    Database storage;

    static String merchant() {
        return "M-" + UUID.randomUUID();
    }

    static Response post(String body, String idempotencyKey) {
        var request = asClient().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/v1/decisions");
    }

    static String decide(String body) {
        return post(body, null).then().statusCode(200).extract().header("X-Decision-Id");
    }

    @Test
    void recordsEveryAnsweredDecisionAndShowsTheRequestAndAnswerAsExchanged() {
        String body = request("CASE-READ", merchant());
        Response answered = post(body, null);
        answered.then().statusCode(200);
        String id = answered.header("X-Decision-Id");

        JsonNode record = RequestJson.read(asAuditor().when().get("/api/v1/decisions/" + id)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());

        assertThat(record.get("decisionId").asText()).isEqualTo(id);
        assertThat(record.get("request")).isEqualTo(RequestJson.read(body));
        assertThat(record.get("answer")).isEqualTo(RequestJson.read(answered.asString()));
        assertThat(record.get("rulesetVersion").asText()).isEqualTo(record.get("answer").get("rulesetVersion")
                .asText());
        assertThat(record.get("asOf").asText()).isEqualTo("2026-11-26");
        assertThat(record.get("requestedBy").asText()).as("the signed-in client, not an address")
                .isEqualTo(TestUsers.CLIENT);
        assertThat(Instant.parse(record.get("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(record.get("chain").get("hash").asText()).hasSize(64);
    }

    @Test
    void anUnknownDecisionIs404Problem() {
        asAuditor().when().get("/api/v1/decisions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-recorded"));
    }

    @Test
    void aRejectedRequestIsNotRecorded() {
        String merchant = merchant();
        String invalid = request("CASE-BAD", merchant).replace("\"SWITCH_PROVIDER\"", "\"NO_SUCH_REASON\"");

        int status = post(invalid, null).statusCode();

        assertThat(status).isBetween(400, 599).isNotEqualTo(503);
        asAuditor().queryParam("merchantId", merchant).when().get("/api/v1/decisions")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void listsNewestFirstInCursorPages() {
        String merchant = merchant();
        List<String> decided = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            decided.add(decide(request("CASE-LIST-" + i, merchant)));
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = asAuditor().queryParam("merchantId", merchant).queryParam("limit", 2);
            if (cursor != null) {
                page = page.queryParam("cursor", cursor);
            }
            JsonNode body = RequestJson.read(page.when().get("/api/v1/decisions").then().statusCode(200)
                    .extract().asString());
            body.get("items").forEach(item -> listed.add(item.get("decisionId").asText()));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        java.util.Collections.reverse(decided);
        assertThat(listed).containsExactlyElementsOf(decided);
        assertThat(pages).isEqualTo(3);
        asAuditor().queryParam("merchantId", merchant).queryParam("verdict", "REJECTED").when()
                .get("/api/v1/decisions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badListParametersAre400NamingEachOne() {
        asAuditor().queryParam("limit", 501).queryParam("verdict", "MAYBE").queryParam("from", "yesterday")
                .queryParam("cursor", "not-a-cursor")
                .when().get("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.path", hasItems("limit", "verdict", "from", "cursor"));
    }

    @Test
    void exportStreamsTheRangeAsJsonLines() {
        Instant from = Instant.now().minusSeconds(1);
        String merchant = merchant();
        String first = decide(request("CASE-EXPORT-1", merchant));
        String second = decide(request("CASE-EXPORT-2", merchant));

        for (String type : List.of("application/x-ndjson", "application/jsonl")) {
            Response export = asAuditor().accept(type).queryParam("from", from.toString())
                    .when().get("/api/v1/audit/export");
            export.then().statusCode(200).contentType(type);
            List<String> ids = new ArrayList<>();
            for (String line : export.asString().split("\n")) {
                JsonNode exported = RequestJson.read(line);
                if (!exported.has("decisionId")) {
                    continue; // the header, nodes, checkpoint and end
                }
                ids.add(exported.get("decisionId").asText());
                if (List.of(first, second).contains(exported.get("decisionId").asText())) {
                    assertThat(exported.get("requestedBy").asText()).isEqualTo(TestUsers.CLIENT);
                }
            }
            assertThat(ids).containsSubsequence(first, second);
        }
        asAuditor().queryParam("to", "nonsense").when().get("/api/v1/audit/export")
                .then().statusCode(400).body("errors[0].path", equalTo("to"));
    }

    @Test
    void aDecisionsProofChecksIndependentlyAgainstTheSignedCheckpointAndTheExportChecksOffline(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String id = decide(request("CASE-PROOF", merchant()));

        String key = asAuditor().when().get("/api/v1/audit/public-key").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        JsonNode proof = RequestJson.read(asAuditor().when().get("/api/v1/decisions/" + id + "/proof")
                .then().statusCode(200).extract().asString());
        SignedNote.Opened note = SignedNote.open(proof.get("checkpoint").asText(),
                List.of(SignedNote.Verifier.parse(key)));
        assertThat(note.signedBy()).as("signed by the published key").isPresent();
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        assertThat(checkpoint.size()).isEqualTo(proof.get("treeSize").asLong());
        List<byte[]> path = new ArrayList<>();
        proof.get("auditPath").forEach(h -> path.add(java.util.HexFormat.of().parseHex(h.asText())));
        byte[] leaf = Rfc9162Checker.leaf(java.util.HexFormat.of().parseHex(proof.get("recordHash").asText()));
        assertThat(Rfc9162Checker.verifyInclusion(proof.get("leafIndex").asLong(), checkpoint.size(), leaf, path,
                checkpoint.root())).isTrue();
        assertThat(asAuditor().when().get("/api/v1/audit/checkpoint").then().statusCode(200).extract().asString())
                .startsWith("posunbind.local/decisions\n");
        asAuditor().when().get("/api/v1/decisions/no-such-decision/proof").then().statusCode(404);

        decide(request("CASE-PROOF-2", merchant()));
        long to = RequestJson.read(asAuditor().when().post("/api/v1/audit/checkpoint").then().statusCode(200)
                .extract().asString()).get("treeSize").asLong();
        JsonNode consistency = RequestJson.read(asAuditor().queryParam("from", checkpoint.size())
                .queryParam("to", to).when().get("/api/v1/audit/consistency").then().statusCode(200).extract()
                .asString());
        List<byte[]> hashes = new ArrayList<>();
        consistency.get("proof").forEach(h -> hashes.add(java.util.HexFormat.of().parseHex(h.asText())));
        assertThat(Rfc9162Checker.verifyConsistency(checkpoint.size(), to, checkpoint.root(),
                java.util.HexFormat.of().parseHex(consistency.get("toRoot").asText()), hashes)).isTrue();
        asAuditor().queryParam("from", "2").queryParam("to", "1").when().get("/api/v1/audit/consistency")
                .then().statusCode(400).body("errors[0].path", equalTo("from"));
        asAuditor().when().get("/api/v1/audit/consistency").then().statusCode(400);

        java.nio.file.Path file = dir.resolve("export.jsonl");
        java.nio.file.Files.write(file, asAuditor().accept("application/x-ndjson").when()
                .get("/api/v1/audit/export").then().statusCode(200).extract().asByteArray());
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int status = VerifyExportCommand.run(new String[] {"verify-export", file.toString(), "--public-key", key},
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("INTACT");
        assertThat(status).isZero();
    }

    @Test
    void replaysIdenticalAgainstTheRecordedAndTheActiveVersion() {
        String id = decide(request("CASE-REPLAY", merchant()));

        for (String ruleset : new String[] {null, "active"}) {
            var replay = asAuditor();
            if (ruleset != null) {
                replay = replay.queryParam("ruleset", ruleset);
            }
            replay.when().post("/api/v1/decisions/" + id + "/replay")
                    .then().statusCode(200)
                    .body("identical", equalTo(true))
                    .body("differences.size()", equalTo(0))
                    .body("original.decisionId", equalTo(id))
                    .body("replayed.decisionId", equalTo(id));
        }
        asAuditor().queryParam("ruleset", "sha256:not-stored").when().post("/api/v1/decisions/" + id + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void verifyFindsTheStoreIntactAndAnAlteredRecordAsTheFirstBreak() throws SQLException {
        String id = decide(request("CASE-TAMPER", merchant()));
        asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBreak", nullValue());
        byte[] original = originalAnswer(id);
        assertThat(original[0]).as("the answer is kept deflated").isZero();

        try {
            // Whatever the policy decided, the stored verdict is rewritten to one the rules never answer.
            String altered = new String(StoredBody.unpack(original), StandardCharsets.UTF_8)
                    .replaceFirst("\"verdict\":\"[A-Z_]+\"", "\"verdict\":\"TAMPERED\"");
            assertThat(altered).isNotEqualTo(new String(StoredBody.unpack(original), StandardCharsets.UTF_8));
            setAnswer(id, altered.getBytes(StandardCharsets.UTF_8));
            asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBreak.decisionId", equalTo(id))
                    .body("breaks[0].kind", equalTo("summary-column")).body("breaks[0].field", equalTo("verdict"));
            // every read flags it: the record, the list, the export
            asAuditor().when().get("/api/v1/decisions/" + id).then().statusCode(200)
                    .body("integrity.status", equalTo("altered"))
                    .body("integrity.problem", org.hamcrest.Matchers.containsString("its recorded answer says TAMPERED"));
            asAuditor().queryParam("caseId", "CASE-TAMPER").when().get("/api/v1/decisions").then().statusCode(200)
                    .body("items[0].integrity.status", equalTo("altered"));
            assertThat(asAuditor().when().get("/api/v1/audit/export").then().statusCode(200).extract().asString()
                    .lines().filter(l -> l.contains(id)).findFirst().orElseThrow())
                    .contains("\"integrity\":{\"status\":\"altered\"");
        } finally {
            setAnswer(id, original);
        }
        asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        asAuditor().when().get("/api/v1/decisions/" + id).then().body("integrity.status", equalTo("intact"))
                .body("integrity.problem", nullValue());

        // One bit flipped inside the deflated column: it no longer reads as what was recorded, and verify says so.
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x10;
        try {
            setAnswer(id, flipped);
            asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBreak.decisionId", equalTo(id));
        } finally {
            setAnswer(id, original);
        }
        asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheRecordedDecision() {
        String body = request("CASE-IDEMPOTENT", merchant());
        String key = "key-" + UUID.randomUUID();

        Response first = post(body, key);
        Response retry = post(body, key);

        first.then().statusCode(200);
        retry.then().statusCode(200).header("X-Decision-Id", first.header("X-Decision-Id"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        post(request("CASE-OTHER", merchant()), key).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/idempotency-key-reused"));
        post(body, "k".repeat(129)).then().statusCode(400).body("errors[0].path", equalTo("Idempotency-Key"));
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneRecordAndAllGetItsDecision() throws Exception {
        String merchant = merchant();
        String body = request("CASE-CONCURRENT", merchant);
        String key = "key-" + UUID.randomUUID();

        List<Response> responses = AuditStoreContract.inParallel(8, i -> () -> post(body, key));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(responses).extracting(r -> r.header("X-Decision-Id")).containsOnly(
                responses.get(0).header("X-Decision-Id"));
        asAuditor().queryParam("merchantId", merchant).when().get("/api/v1/decisions")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    private byte[] originalAnswer(String id) throws SQLException {
        try (Connection c = storage.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT answer_body FROM decision_record "
                     + "WHERE decision_id = ?")) {
            q.setString(1, id);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private void setAnswer(String id, byte[] answer) throws SQLException {
        try (Connection c = storage.dataSource().getConnection();
             PreparedStatement u = c.prepareStatement("UPDATE decision_record SET answer_body = ? "
                     + "WHERE decision_id = ?")) {
            u.setBytes(1, answer);
            u.setString(2, id);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
