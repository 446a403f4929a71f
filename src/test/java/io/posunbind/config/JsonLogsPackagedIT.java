package io.posunbind.config;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged app logs one JSON object a line when QUARKUS_LOG_CONSOLE_JSON_ENABLED=true, and plain lines without
 * it: a log shipper can switch it on without a rebuild.
 */
class JsonLogsPackagedIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    private List<String> runAndDecide(Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve("app-" + environment.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Dquarkus.http.port=" + port,
                "-Dunbind.storage.data-directory=" + work.resolve("data-" + environment.size()),
                "-Dunbind.security.users-file=config/demo-users", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process app = builder.start();
        try {
            String url = "http://127.0.0.1:" + port;
            waitReady(app, url, log);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/decisions"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "client:client-demo-pw".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/audit/request.json")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static void waitReady(Process app, String url, Path log) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (!app.isAlive()) {
                fail("the app exited: " + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the app was not ready within 60 s: " + Files.readString(log));
    }

    @Test
    void oneSettingSwitchesTheConsoleToJsonLines() throws Exception {
        List<String> lines = runAndDecide(Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
        assertThat(lines).isNotEmpty();
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).allSatisfy(r -> {
            assertThat(r.path("timestamp").asText()).isNotEmpty();
            assertThat(r.path("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR");
            assertThat(r.path("loggerName").asText()).isNotEmpty();
            assertThat(r.has("message")).isTrue();
        });
        assertThat(records).anySatisfy(r -> assertThat(r.path("message").asText())
                .contains("Recording decisions as writer"));
        assertThat(records).anySatisfy(r -> assertThat(r.path("message").asText()).contains("stopped in"));
    }

    @Test
    void byDefaultTheConsoleHasPlainLines() throws Exception {
        List<String> lines = runAndDecide(Map.of());
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("INFO").contains("Recording decisions as writer")
                .doesNotStartWith("{"));
    }
}
