package io.posunbind.security;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The users who may sign in with HTTP Basic: those of the configured users file ({@code unbind.security.users-file});
 * without one, those of the service's own file under the data directory, which the first start fills with a
 * {@link BootstrapUser} ({@code unbind.security.bootstrap-user}, on by default) and announces once in the log.
 */
@ApplicationScoped
public class Users {
    private static final Logger LOG = Logger.getLogger(Users.class);

    private final Map<String, UsersFile.User> users;
    private final String source;
    private final String bootstrapPassword;

    private final int port;

    @Inject
    Users(UnbindConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.port = port;
        Optional<String> configured = config.security().usersFile().filter(f -> !f.isBlank());
        if (configured.isPresent()) {
            source = configured.get();
            bootstrapPassword = null;
        } else if (config.security().bootstrapUser()) {
            Path own = Path.of(config.storage().dataDirectory(), "users");
            source = own.toString();
            bootstrapPassword = BootstrapUser.createUnlessPresent(own);
        } else {
            source = null;
            bootstrapPassword = null;
        }
        users = source == null ? Map.of() : UsersFile.read(Path.of(source));
    }

    /** The user of that name, if any. */
    public Optional<UsersFile.User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** True when no one can sign in with a password. */
    public boolean none() {
        return users.isEmpty();
    }

    void announce(@Observes StartupEvent started) {
        if (bootstrapPassword != null) {
            Path file = Path.of(source).toAbsolutePath().normalize();
            LOG.warnf("%n*** First start without a users file: made the user %s with every role (%s).%n"
                    + "*** Its password is  %s  and is shown only now; only its bcrypt hash is kept, in %s.%n"
                    + "*** Decide a case:  curl -s -u %s:%s -H 'Content-Type: application/json' "
                    + "--data-binary @docs/examples/decision-request.json http://localhost:%d/api/v1/decisions%n"
                    + "*** For real use, make your own users file with hash-password and set "
                    + "UNBIND_SECURITY_USERS_FILE (README, Security).", BootstrapUser.NAME,
                    String.join(", ", new TreeSet<>(Roles.ALL)), bootstrapPassword, file, BootstrapUser.NAME,
                    bootstrapPassword, port);
        } else if (users.isEmpty()) {
            LOG.warnf("No users are configured, so every /api/v1 endpoint answers 401. To add one, run "
                    + "'java -jar target/quarkus-app/quarkus-run.jar hash-password NAME ROLE >> users' (roles: %s) "
                    + "and start with UNBIND_SECURITY_USERS_FILE=users (README, Security).",
                    String.join(", ", new TreeSet<>(Roles.ALL)));
        } else {
            LOG.infof("%d user(s) from %s", users.size(), source);
        }
    }
}
