package io.posunbind.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class HashPasswordCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String password, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "hash-password";
        System.arraycopy(args, 0, all, 1, args.length);
        return HashPasswordCommand.run(all, prompt -> password == null ? null : password.toCharArray(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsABcryptHashOfThePassword() {
        assertThat(run("correct horse")).isZero();

        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("$2a$10$").doesNotContain("correct");
        assertThat(Bcrypt.matches("correct horse", hash)).isTrue();
    }

    @Test
    void withANameAndRolesPrintsAUsersFileLine() {
        assertThat(run("correct horse", "alice", "auditor,rules-admin")).isZero();

        String line = out.toString(StandardCharsets.UTF_8).strip();
        UsersFile.User alice = UsersFile.parse(List.of(line), "out").get("alice");
        assertThat(alice.roles()).containsExactlyInAnyOrder(Roles.AUDITOR, Roles.RULES_ADMIN);
        assertThat(Bcrypt.matches("correct horse", alice.hash())).isTrue();
    }

    @Test
    void refusesAnUnknownRoleOrNoPasswordPrintingNothing() {
        assertThat(run("pw", "alice", "admin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role").contains("rules-admin");
        assertThat(run("")).isEqualTo(2);
        assertThat(run(null)).isEqualTo(2);
        assertThat(run("pw", "alice")).isEqualTo(2);
        assertThat(out.size()).isZero();
    }
}
