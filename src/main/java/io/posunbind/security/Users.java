package io.posunbind.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

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

    private volatile Map<String, UsersFile.User> users;
    private final String source;
    private final String bootstrapPassword;
    private final Duration checkInterval;
    private byte[] readDigest;
    private ScheduledExecutorService watcher;

    private final int port;

    /** What a look at the users file found: unchanged, read again, or broken (the users before it stay). */
    record Reload(String outcome, int users, String detail) {
        static final String UNCHANGED = "unchanged";
        static final String RELOADED = "reloaded";
        static final String KEPT = "kept";
    }

    @Inject
    Users(UnbindConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.port = port;
        this.checkInterval = config.security().usersFileCheckInterval();
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
        if (source == null) {
            users = Map.of();
        } else {
            byte[] bytes = UsersFile.bytes(Path.of(source));
            users = UsersFile.parse(bytes, source);
            readDigest = sha256(bytes);
        }
    }

    /** The users of that file, looked at again by {@link #reloadIfChanged()} only (tests). */
    Users(Path file) {
        this.port = 8080;
        this.checkInterval = Duration.ZERO;
        this.source = file.toString();
        this.bootstrapPassword = null;
        byte[] bytes = UsersFile.bytes(file);
        this.users = UsersFile.parse(bytes, source);
        this.readDigest = sha256(bytes);
    }

    /**
     * Reads the users file again when its content changed since it was last read, and from then on signs in the
     * users it lists: no restart. A file that cannot be used (unreadable, a line of the wrong shape, an unknown
     * role) changes nothing: the users read before stay, and the log says why. The service looks every
     * {@code unbind.security.users-file-check-interval}.
     */
    synchronized Reload reloadIfChanged() {
        if (source == null) {
            return new Reload(Reload.UNCHANGED, 0, "no users file");
        }
        Path file = Path.of(source);
        byte[] bytes;
        byte[] now;
        UsersFile.UsersFileException unreadable = null;
        try {
            bytes = UsersFile.bytes(file);
            now = sha256(bytes);
        } catch (UsersFile.UsersFileException e) {
            bytes = null;
            now = UNREADABLE;
            unreadable = e;
        }
        if (java.util.Arrays.equals(now, readDigest)) {
            return new Reload(Reload.UNCHANGED, users.size(), null);
        }
        readDigest = now; // each change is said once, not at every look; the users are those of these very bytes
        Map<String, UsersFile.User> before = users;
        try {
            if (unreadable != null) {
                throw unreadable;
            }
            Map<String, UsersFile.User> read = UsersFile.parse(bytes, source);
            users = read;
            String detail = changes(before, read);
            LOG.infof("The users file %s changed: %d user(s) from now on; %s", file.toAbsolutePath(), read.size(),
                    detail);
            return new Reload(Reload.RELOADED, read.size(), detail);
        } catch (UsersFile.UsersFileException e) {
            LOG.warnf("The users file %s changed but cannot be used, so the %d user(s) read before still sign in: "
                    + "%s", file.toAbsolutePath(), before.size(), e.getMessage());
            return new Reload(Reload.KEPT, before.size(), e.getMessage());
        }
    }

    private static String changes(Map<String, UsersFile.User> before, Map<String, UsersFile.User> after) {
        TreeSet<String> added = new TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        TreeSet<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        TreeSet<String> changed = new TreeSet<>();
        for (Map.Entry<String, UsersFile.User> e : after.entrySet()) {
            UsersFile.User old = before.get(e.getKey());
            if (old != null && !old.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        return "added " + added + ", removed " + removed + ", password or roles changed " + changed;
    }

    /** What {@link #readDigest} holds while the file cannot be read. */
    private static final byte[] UNREADABLE = new byte[0];

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    void watch(@Observes StartupEvent started) {
        if (source == null || checkInterval.isZero() || checkInterval.isNegative()) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "users-file-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, checkInterval.toMillis());
        watcher.scheduleWithFixedDelay(() -> {
            try {
                reloadIfChanged();
            } catch (RuntimeException e) {
                LOG.warnf("The users file could not be checked (tried again): %s", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopWatching() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
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
                    + "*** Or open http://localhost:%d/console in a browser and sign in as %s with that password.%n"
                    + "*** For real use, make your own users file with hash-password and set "
                    + "UNBIND_SECURITY_USERS_FILE (README, Security).", BootstrapUser.NAME,
                    String.join(", ", new TreeSet<>(Roles.ALL)), bootstrapPassword, file, BootstrapUser.NAME,
                    bootstrapPassword, port, port, BootstrapUser.NAME);
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
