package io.posunbind.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.posunbind.client.api.DecisionsApi;
import io.posunbind.client.model.DecisionAnswer;
import io.posunbind.client.model.DecisionRequest;
import io.posunbind.client.model.RemedyReport;

/**
 * A calling system's first day: the client generated from the service's OpenAPI document, with the generator's
 * defaults, decides every worked example of the policy against the packaged service, and gets the answer the policy
 * fixes, typed.
 */
class WorkedExamplesThroughTheGeneratedClientTest {
    private static final Path SERVICE = Path.of(System.getProperty("service.dir", "../..")).toAbsolutePath()
            .normalize();
    private static Process service;
    private static DecisionsApi decisions;

    @BeforeAll
    static void startThePackagedService() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("client-example-data");
        service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dunbind.storage.data-directory=" + data,
                "-Dunbind.security.users-file=config/demo-users", "-jar", "target/quarkus-app/quarkus-run.jar")
                .directory(SERVICE.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile()).start();
        awaitReady(port);
        ApiClient client = new ApiClient();
        client.setBasePath("http://localhost:" + port);
        client.setUsername("client");
        client.setPassword("client-demo-pw");
        decisions = new DecisionsApi(client);
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            assertThat(service.isAlive()).as("the packaged service is running").isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the packaged service was not ready within 90 s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(SERVICE.resolve("rules/tests/examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decidesTheWorkedExample(Path example) throws Exception {
        JsonObject file = JsonParser.parseString(Files.readString(example)).getAsJsonObject();
        JsonObject expected = file.getAsJsonObject("expected");

        DecisionAnswer answer = decisions.decide(DecisionRequest.fromJson(file.get("request").toString()), "en",
                null);

        assertThat(answer.getVerdict().getValue()).isEqualTo(expected.get("verdict").getAsString());
        assertThat(answer.getFindings()).extracting(f -> f.getCode() + "/" + f.getSubject())
                .containsExactlyElementsOf(codes(expected, "findings", "code", "subject"));
        assertThat(answer.getSteps()).extracting(s -> s.getCode())
                .containsExactlyElementsOf(codes(expected, "steps", "code", null));
        assertThat(answer.getFees()).extracting(f -> f.getCode() + "=" + f.getAmount().stripTrailingZeros()
                .toPlainString()).containsExactlyElementsOf(amounts(expected, "fees"));
        assertThat(answer.getRefunds()).extracting(f -> f.getCode() + "=" + f.getAmount().stripTrailingZeros()
                .toPlainString()).containsExactlyElementsOf(amounts(expected, "refunds"));
        assertThat(answer.getTotals().getNet()).isEqualByComparingTo(
                new BigDecimal(expected.getAsJsonObject("totals").get("net").getAsString()));
        assertThat(answer.getFindings()).allSatisfy(f -> assertThat(f.getRule()).isNotBlank());
        assertThat(answer.getLanguage()).hasToString("en");
        RemedyReport remedies = decisions.getRemedies(answer.getDecisionId(), "zh-CN");
        assertThat(remedies.getVerdict()).isEqualTo(answer.getVerdict());
    }

    private static List<String> codes(JsonObject expected, String list, String code, String subject) {
        return expected.getAsJsonArray(list).asList().stream().map(JsonElement::getAsJsonObject)
                .map(o -> o.get(code).getAsString() + (subject == null ? "" : "/" + (o.has(subject)
                        && !o.get(subject).isJsonNull() ? o.get(subject).getAsString() : "null"))).toList();
    }

    private static List<String> amounts(JsonObject expected, String list) {
        return expected.getAsJsonArray(list).asList().stream().map(JsonElement::getAsJsonObject)
                .map(o -> o.get("code").getAsString() + "=" + o.get("amount").getAsBigDecimal().stripTrailingZeros()
                        .toPlainString()).toList();
    }
}
