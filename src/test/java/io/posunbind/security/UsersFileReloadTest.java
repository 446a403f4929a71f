package io.posunbind.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The users file is read again when it changes, without a restart: a user added signs in, a user removed or whose
 * password changed no longer does, and a broken file keeps the users there were.
 */
@QuarkusTest
@TestProfile(UsersFileReloadTest.Watched.class)
class UsersFileReloadTest {
    static final Path FILE = Path.of("target/users-reload-" + ProcessHandle.current().pid(), "users");
    private static final String AUDITOR_LINE = "auditor:" + Bcrypt.hash("auditor-pw") + ":auditor";

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            write(AUDITOR_LINE);
            return Map.of("unbind.security.users-file", FILE.toString(),
                    "unbind.security.users-file-check-interval", "100ms");
        }
    }

    static void write(String... lines) {
        try {
            Files.createDirectories(FILE.getParent());
            Path temp = FILE.resolveSibling("users.tmp");
            Files.writeString(temp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int verifyAs(String user, String password) {
        return given().auth().preemptive().basic(user, password).when().get("/api/v1/audit/verify").statusCode();
    }

    private static void eventually(String what, Runnable check) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(check::run);
    }

    @Test
    void aChangedUsersFileTakesEffectWithoutARestartAndABrokenOneKeepsTheUsersThereWere() {
        assertThat(verifyAs("auditor", "auditor-pw")).isEqualTo(200);
        assertThat(verifyAs("second", "second-pw")).isEqualTo(401);

        // a user added
        String second = "second:" + Bcrypt.hash("second-pw") + ":auditor";
        write(AUDITOR_LINE, second);
        eventually("the added user signs in", () -> assertThat(verifyAs("second", "second-pw")).isEqualTo(200));

        // a broken file: an unknown role; the users read before still sign in, for longer than several looks
        write(AUDITOR_LINE, second, "third:" + Bcrypt.hash("third-pw") + ":superuser");
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(verifyAs("second", "second-pw")).isEqualTo(200);
        assertThat(verifyAs("third", "third-pw")).isEqualTo(401);

        // a password changed (the old one passed bcrypt a moment ago and is cached) and a user removed
        write("auditor:" + Bcrypt.hash("new-auditor-pw") + ":auditor");
        eventually("the new password signs in", () -> assertThat(verifyAs("auditor", "new-auditor-pw"))
                .isEqualTo(200));
        assertThat(verifyAs("auditor", "auditor-pw")).as("the old password, though cached").isEqualTo(401);
        assertThat(verifyAs("second", "second-pw")).as("removed").isEqualTo(401);
    }

    @Test
    void aLookAtAnUnchangedBrokenOrChangedFileSaysWhatItFound(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("users");
        Files.writeString(file, AUDITOR_LINE + "\n");
        Users users = new Users(file);

        assertThat(users.reloadIfChanged().outcome()).isEqualTo(Users.Reload.UNCHANGED);
        Files.writeString(file, AUDITOR_LINE + "\nbroken line\n");
        Users.Reload kept = users.reloadIfChanged();
        assertThat(kept.outcome()).isEqualTo(Users.Reload.KEPT);
        assertThat(kept.detail()).contains(":2: expected name:bcrypt-hash:role,role");
        assertThat(users.find("auditor")).isPresent();
        Files.writeString(file, "other:" + Bcrypt.hash("x") + ":decision-client\n");
        Users.Reload reloaded = users.reloadIfChanged();
        assertThat(reloaded.outcome()).isEqualTo(Users.Reload.RELOADED);
        assertThat(reloaded.detail()).contains("added [other]", "removed [auditor]");
        assertThat(users.find("auditor")).isEmpty();
        assertThat(users.find("other")).isPresent();
    }
}
