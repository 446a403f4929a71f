package io.posunbind.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UsersFileTest {
    private static final String HASH = "$2a$10$KFklba9qEy21VjA.MYtwEeBSEOV6nGys4Ts20EcNnNBCKa6hir2Me";

    @Test
    void readsNamesHashesAndRolesSkippingCommentsAndBlankLines() {
        Map<String, UsersFile.User> users = UsersFile.parse(List.of(
                "# who may sign in", "", "alice:" + HASH + ":auditor, rules-admin", "bob:" + HASH + ":"), "users");

        assertThat(users).containsOnlyKeys("alice", "bob");
        assertThat(users.get("alice").roles()).containsExactlyInAnyOrder(Roles.AUDITOR, Roles.RULES_ADMIN);
        assertThat(users.get("bob").roles()).isEmpty();
        assertThat(users.get("alice").toString()).doesNotContain(HASH);
    }

    @Test
    void refusesAPlainPasswordNamingTheLineButNotRepeatingIt() {
        assertThatThrownBy(() -> UsersFile.parse(List.of("alice:" + HASH + ":auditor", "bob:hunter2:auditor"), "u"))
                .isInstanceOf(UsersFile.UsersFileException.class)
                .hasMessageContaining("u:2:")
                .hasMessageContaining("not a bcrypt hash")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAnUnknownRoleAndATwiceListedUser() {
        assertThatThrownBy(() -> UsersFile.parse(List.of("alice:" + HASH + ":auditer"), "u"))
                .hasMessageContaining("u:1:").hasMessageContaining("auditer").hasMessageContaining("decision-client");
        assertThatThrownBy(() -> UsersFile.parse(List.of("a:" + HASH + ":auditor", "a:" + HASH + ":auditor"), "u"))
                .hasMessageContaining("u:2:").hasMessageContaining("twice");
        assertThatThrownBy(() -> UsersFile.parse(List.of("a:" + HASH), "u")).hasMessageContaining("expected");
    }

    @Test
    void theDemoUsersAreOnePerRoleAndHashedOnly() {
        Map<String, UsersFile.User> demo = UsersFile.read(Path.of("config/demo-users"));

        assertThat(demo.get(TestUsers.CLIENT).roles()).containsExactly(Roles.DECISION_CLIENT);
        assertThat(demo.get(TestUsers.RULES_ADMIN).roles()).containsExactly(Roles.RULES_ADMIN);
        assertThat(demo.get(TestUsers.AUDITOR).roles()).containsExactly(Roles.AUDITOR);
        assertThat(Bcrypt.matches(TestUsers.CLIENT_PASSWORD, demo.get(TestUsers.CLIENT).hash())).isTrue();
        assertThat(Bcrypt.matches(TestUsers.AUDITOR_PASSWORD, demo.get(TestUsers.CLIENT).hash())).isFalse();
    }

    @Test
    void acceptsTheBcryptPrefixesOfOtherTools() {
        String hash = Bcrypt.hash("s3cret");
        for (String prefix : List.of("$2a$", "$2b$", "$2y$")) {
            String other = prefix + hash.substring(4);
            assertThat(UsersFile.parse(List.of("a:" + other + ":auditor"), "u")).containsKey("a");
            assertThat(Bcrypt.matches("s3cret", other)).as(prefix).isTrue();
            assertThat(Bcrypt.matches("s3creT", other)).as(prefix).isFalse();
        }
    }
}
