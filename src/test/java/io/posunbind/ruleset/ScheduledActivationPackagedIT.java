package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.posunbind.audit.PostgresTestSupport;

/**
 * A scheduled activation on the packaged app: two instances on one PostgreSQL database, decisions flowing to both
 * across the instant. Every answer made at or after the instant names the new version, every one before it the old
 * one, on both instances, and the activation is recorded once.
 */
class ScheduledActivationPackagedIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> instances = new ArrayList<>();
    private String database;

    @TempDir
    Path work;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : instances) {
            p.destroy();
        }
        for (Process p : instances) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (database != null) {
            PostgresTestSupport.dropDatabase(database);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String start(String name, Path rules) throws Exception {
        int port = freePort();
        Process p = new ProcessBuilder("java", "-Dquarkus.http.port=" + port, "-Dunbind.storage.kind=postgresql",
                "-Dquarkus.datasource.postgresql.jdbc.url=" + PostgresTestSupport.url(database),
                "-Dquarkus.datasource.postgresql.username=" + PostgresTestSupport.USER,
                "-Dunbind.rules.directory=" + rules, "-Dunbind.rules.sync-interval=1s",
                "-Dunbind.security.users-file=config/demo-users", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(work.resolve("app-" + name + ".log").toFile()).start();
        instances.add(p);
        String url = "http://127.0.0.1:" + port;
        for (int i = 0; i < 240; i++) {
            if (!p.isAlive()) {
                fail("instance " + name + " exited: " + Files.readString(work.resolve("app-" + name + ".log")));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return url;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance " + name + " was not ready within 60 s");
    }

    private static JsonNode call(String method, String url, String user, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(
                        StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private record Answer(String instance, Instant evaluatedAt, String version) {
    }

    @Test
    void twoInstancesSwitchAtTheInstantAndNoLaterAnswerNamesTheOldVersion() throws Exception {
        String why = PostgresTestSupport.unreachable();
        if (why != null && !PostgresTestSupport.required()) {
            Assumptions.abort("PostgreSQL is not reachable: " + why);
        }
        database = PostgresTestSupport.createDatabase();
        Path rules = work.resolve("rules");
        LifecycleFixtures.copy(LifecycleFixtures.SOURCE, rules);
        String a = start("a", rules);
        String b = start("b", rules);
        String before = call("GET", a + "/api/v1/rulesets/active", "auditor:auditor-demo-pw", null, 200)
                .path("version").asText();

        String next = call("POST", a + "/api/v1/rulesets", "admin:admin-demo-pw",
                LifecycleFixtures.body(LifecycleFixtures.withFee("25.00"), "scheduled"), 201).path("version").asText();
        call("POST", b + "/api/v1/rulesets/" + next + "/approve", "approver:approver-demo-pw",
                "{\"comment\": \"the 25.00 tariff\"}", 200);
        Instant at = Instant.now().plusSeconds(6);
        call("POST", a + "/api/v1/rulesets/" + next + "/activate", "admin:admin-demo-pw",
                "{\"effectiveAt\": \"" + at + "\"}", 202);

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        String request = Files.readString(Path.of("src/test/resources/audit/request.json"));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Instant until = at.plusSeconds(3);
        List<java.util.concurrent.Future<Object>> loads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String url = i % 2 == 0 ? a : b;
            loads.add(clients.submit(() -> {
                while (Instant.now().isBefore(until)) {
                    JsonNode answer = call("POST", url + "/api/v1/decisions", "client:client-demo-pw", request, 200);
                    answers.add(new Answer(url, Instant.parse(answer.path("evaluatedAt").asText()),
                            answer.path("rulesetVersion").asText()));
                }
                return null;
            }));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (java.util.concurrent.Future<Object> load : loads) {
            load.get();
        }

        for (String instance : List.of(a, b)) {
            List<Answer> mine = answers.stream().filter(x -> x.instance().equals(instance)).toList();
            assertThat(mine).filteredOn(x -> !x.evaluatedAt().isBefore(at)).as("%s after the instant", instance)
                    .isNotEmpty().allMatch(x -> x.version().equals(next));
            assertThat(mine).filteredOn(x -> x.evaluatedAt().isBefore(at)).as("%s before the instant", instance)
                    .isNotEmpty().allMatch(x -> x.version().equals(before));
        }
        Thread.sleep(1500);
        JsonNode history = call("GET", b + "/api/v1/rulesets/activations", "auditor:auditor-demo-pw", null, 200);
        List<JsonNode> scheduled = new ArrayList<>();
        history.path("items").forEach(x -> {
            if (x.path("reason").asText().equals("schedule")) {
                scheduled.add(x);
            }
        });
        assertThat(scheduled).as("recorded once").hasSize(1);
        assertThat(scheduled.get(0).path("version").asText()).isEqualTo(next);
        assertThat(call("GET", a + "/api/v1/audit/verify", "auditor:auditor-demo-pw", null, 200)
                .path("intact").asBoolean()).isTrue();
    }
}
