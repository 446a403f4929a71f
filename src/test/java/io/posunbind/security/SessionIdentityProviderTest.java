package io.posunbind.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;

/**
 * A console session names its user; who that user is, and what they may do, is read from the users file at each
 * request, so a role taken away or a user removed counts at the next click, not when the session lapses.
 */
class SessionIdentityProviderTest {
    @TempDir
    Path folder;

    @Test
    void aSessionCarriesTheRolesTheUsersFileGivesNowAndEndsWithItsUser() throws IOException {
        Path file = folder.resolve("users");
        Files.writeString(file, "ana:" + Bcrypt.hash("pw-ana") + ":rules-admin,rules-approver\n");
        Users users = new Users(file);
        SessionIdentityProvider sessions = new SessionIdentityProvider(users);

        SecurityIdentity ana = sessions.authenticate(new TrustedAuthenticationRequest("ana"), null).await()
                .indefinitely();
        assertThat(ana.getPrincipal().getName()).isEqualTo("ana");
        assertThat(ana.getRoles()).containsExactlyInAnyOrder("rules-admin", "rules-approver");

        Files.writeString(file, "ana:" + Bcrypt.hash("pw-ana") + ":auditor\n");
        users.reloadIfChanged();
        assertThat(sessions.authenticate(new TrustedAuthenticationRequest("ana"), null).await().indefinitely()
                .getRoles()).containsExactly("auditor");

        Files.writeString(file, "bo:" + Bcrypt.hash("pw-bo") + ":auditor\n");
        users.reloadIfChanged();
        assertThatThrownBy(() -> sessions.authenticate(new TrustedAuthenticationRequest("ana"), null).await()
                .indefinitely()).isInstanceOf(AuthenticationFailedException.class);
    }
}
