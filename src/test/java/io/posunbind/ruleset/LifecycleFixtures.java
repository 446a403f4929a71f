package io.posunbind.ruleset;

import static io.posunbind.security.TestUsers.asApprover;
import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The lifecycle tests' rule set: a handling fee of 10.00 for a provider switch, with scenarios. Variants change the
 * fee (and the scenario that pins it), so each fee is a version of its own.
 */
final class LifecycleFixtures {
    static final Path SOURCE = Path.of("src/test/resources/ruleset/rules");
    static final String REQUEST = read(Path.of("src/test/resources/audit/request.json"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path directory;

    private LifecycleFixtures() {
    }

    /** A fresh copy of the rules, made once per test run; the service of {@link LifecycleProfile} reads it. */
    static synchronized Path directory() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("lifecycle-rules");
                copy(SOURCE, directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The rule set's files with the handling fee set to the amount (rule and scenario alike). */
    static Map<String, String> withFee(String amount) {
        Map<String, String> files = new TreeMap<>(sourceFiles());
        files.replaceAll((path, text) -> path.startsWith("fees/")
                ? text.replace("\"10.00\"", "\"" + amount + "\"")
                        .replace("\"amount\": 10.0", "\"amount\": " + amount)
                : text);
        return files;
    }

    static Map<String, String> sourceFiles() {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(SOURCE)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(SOURCE.relativize(f).toString(), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Writes the files into the service's rules directory (as a compliance officer editing rules/ would). */
    static void writeDirectory(Map<String, String> files) {
        files.forEach((path, text) -> {
            try {
                Files.writeString(directory().resolve(path), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String body(Map<String, String> files, String label) {
        Map<String, Object> body = new HashMap<>();
        body.put("files", files);
        if (label != null) {
            body.put("label", label);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response upload(Map<String, String> files, String label) {
        return asRulesAdmin().contentType(ContentType.JSON).body(body(files, label)).when().post("/api/v1/rulesets");
    }

    /** Stores the files (or finds them stored) and answers their version. */
    static String stored(Map<String, String> files) {
        Response response = upload(files, null);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.asString());
        }
        return response.path("version");
    }

    /** Approves the version as the demo approver (the second person; nothing changes when it is approved). */
    static Response approve(String version) {
        return asApprover().contentType(ContentType.JSON).body("{\"comment\": \"reviewed in the test\"}").when()
                .post("/api/v1/rulesets/" + version + "/approve");
    }

    /** Approves the version as the second person, then activates it as the rules admin. */
    static Response activate(String version) {
        approve(version);
        return activateOnly(version);
    }

    /** Activates the version as the rules admin, approved or not. */
    static Response activateOnly(String version) {
        return asRulesAdmin().when().post("/api/v1/rulesets/" + version + "/activate");
    }

    static Response decide() {
        return asClient().contentType(ContentType.JSON).body(REQUEST).when().post("/api/v1/decisions");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
