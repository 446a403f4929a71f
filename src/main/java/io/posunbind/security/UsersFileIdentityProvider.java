package io.posunbind.security;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP Basic credentials against the users file ({@code unbind.security.users-file}), read once at startup.
 * With no file no one signs in with a password, and the startup log says how to add a user.
 */
@ApplicationScoped
public class UsersFileIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(UsersFileIdentityProvider.class);
    /** Checked when the name is unknown, so an unknown name takes as long to refuse as a wrong password. */
    private static final String DECOY = Bcrypt.hash("decoy, never a password");

    private final Map<String, UsersFile.User> users;
    private final CredentialCache verified;

    public UsersFileIdentityProvider(UnbindConfig config) {
        UnbindConfig.Security security = config.security();
        this.users = security.usersFile().map(f -> UsersFile.read(Path.of(f))).orElse(Map.of());
        this.verified = new CredentialCache(security.credentialCacheTtl(), security.credentialCacheSize(),
                System::nanoTime);
    }

    void announce(@Observes StartupEvent started, UnbindConfig config) {
        if (users.isEmpty()) {
            LOG.warnf("No users are configured, so every /api/v1 endpoint answers 401. To add one, run "
                    + "'java -jar target/quarkus-app/quarkus-run.jar hash-password NAME ROLE >> users' (roles: %s) "
                    + "and start with UNBIND_SECURITY_USERS_FILE=users (README, Security).",
                    String.join(", ", new TreeSet<>(Roles.ALL)));
        } else {
            LOG.infof("%d user(s) from %s", users.size(), config.security().usersFile().orElseThrow());
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String name = request.getUsername();
        char[] password = request.getPassword().getPassword();
        UsersFile.User user = users.get(name);
        if (user != null && verified.verified(name, password)) {
            return Uni.createFrom().item(identity(user));
        }
        // bcrypt is slow on purpose: off the event loop.
        return context.runBlocking(() -> check(user, name, password));
    }

    private SecurityIdentity check(UsersFile.User user, String name, char[] password) {
        String given = new String(password);
        if (user == null) {
            Bcrypt.matches(given, DECOY);
            throw new AuthenticationFailedException();
        }
        if (!Bcrypt.matches(given, user.hash())) {
            throw new AuthenticationFailedException();
        }
        verified.remember(name, password);
        return identity(user);
    }

    private static SecurityIdentity identity(UsersFile.User user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.name()))
                .addRoles(user.roles())
                .build();
    }
}
