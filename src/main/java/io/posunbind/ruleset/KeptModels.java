package io.posunbind.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.posunbind.engine.CompiledModelStore;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.storage.Storage.Database;

/**
 * Compiled rule sets kept in the database ({@code ruleset_compiled_model}), so that a start, an activation, a sync
 * or a replay that needs files compiled before, on any instance sharing the database, loads their executable model
 * instead of compiling them again (docs/rulesets.md, "Starting fast"). Each row carries its seal: an HMAC-SHA256 of
 * its key and model, keyed by a key derived from the audit signing key ({@link LocalSecret}), which is not in the
 * database. A row whose seal does not hold (altered, damaged, moved under another key, or sealed under another
 * signing key) is deleted with a WARN and the files are compiled, so an altered row never decides. At most
 * {@link #MAX_ROWS} rows are kept, the least recently used removed first. Nothing here can stop a rule set from
 * being used: a database error costs a compilation, with a WARN. The service's compiler ({@link #compiler()}) uses
 * it; {@code unbind.rules.keep-compiled=false} turns it off.
 */
@ApplicationScoped
public class KeptModels implements CompiledModelStore {
    static final int MAX_ROWS = 32;
    private static final Logger LOG = Logger.getLogger(KeptModels.class);
    private static final String PURPOSE = "compiled rule set seal";

    private final KeptModelRows rows;
    private final boolean enabled;
    private final byte[] sealKey;
    private final Clock clock;

    @Inject
    public KeptModels(Database database, UnbindConfig config, LocalSecret secret, Clock clock) {
        this(new KeptModelRows(database), config.rules().keepCompiled(), secret, clock);
    }

    KeptModels(KeptModelRows rows, boolean enabled, LocalSecret secret, Clock clock) {
        this.rows = rows;
        this.enabled = enabled;
        this.sealKey = enabled ? secret.derive(PURPOSE) : new byte[0];
        this.clock = clock;
    }

    /** The compiler the service uses: every compilation of a rule set goes through here. */
    @Produces
    @Singleton
    RuleSetCompiler compiler() {
        return new RuleSetCompiler(enabled ? this : CompiledModelStore.NONE);
    }

    @Override
    public Optional<byte[]> read(String key) {
        Optional<KeptModelRows.Row> row;
        try {
            row = rows.find(key);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("The compiled rule set %s could not be read (%s); the files are compiled", key, e.getMessage());
            return Optional.empty();
        }
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(seal(key, row.get().model()), row.get().seal())) {
            discard(key, "its seal does not hold (it was altered or damaged, moved under another key, or sealed "
                    + "under another audit signing key)");
            return Optional.empty();
        }
        try {
            rows.markUsed(key, clock.instant());
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Could not mark the compiled rule set %s as used: %s", key, e.getMessage());
        }
        LOG.infof("Loading the compiled rule set %s (its files were compiled before)", key);
        return Optional.of(row.get().model());
    }

    @Override
    public void write(String key, byte[] model) {
        try {
            rows.storeIfAbsent(key, new KeptModelRows.Row(model, seal(key, model)), clock.instant());
            rows.keepMostRecentlyUsed(MAX_ROWS);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("The compiled rule set %s could not be kept (%s); the next start compiles it again", key,
                    e.getMessage());
        }
    }

    @Override
    public void discard(String key, String reason) {
        LOG.warnf("The compiled rule set %s is deleted unused, and its files compiled instead: %s", key, reason);
        try {
            rows.delete(key);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not delete the compiled rule set %s: %s", key, e.getMessage());
        }
    }

    private byte[] seal(String key, byte[] model) {
        return LocalSecret.hmac(sealKey, (key + "\n").getBytes(StandardCharsets.UTF_8), model);
    }
}
