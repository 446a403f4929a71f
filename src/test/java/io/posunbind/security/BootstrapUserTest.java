package io.posunbind.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's user: a random password shown once, only its hash kept, every role, made only once. */
class BootstrapUserTest {

    @Test
    void writesOnlyTheHashOfARandomPasswordAndOnlyOnce(@TempDir Path data) throws Exception {
        Path file = data.resolve("nested/users");

        String password = BootstrapUser.createUnlessPresent(file);

        assertThat(password).hasSize(20).matches("[A-Za-z2-9]+");
        String written = Files.readString(file);
        assertThat(written).doesNotContain(password);
        Map<String, UsersFile.User> users = UsersFile.read(file);
        assertThat(users).containsOnlyKeys("bootstrap");
        assertThat(users.get("bootstrap").roles()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        assertThat(Bcrypt.matches(password, users.get("bootstrap").hash())).isTrue();
        assertThat(BootstrapUser.createUnlessPresent(file)).as("a second start makes nothing").isNull();
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(BootstrapUser.createUnlessPresent(data.resolve("other"))).isNotEqualTo(password);
    }
}
