package io.posunbind.ruleset;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Chooses the rule set the service starts with (docs/rulesets.md):
 * <ul>
 * <li>the rules directory holds a version never activated before: it is validated, stored and activated, as a
 * reload would;</li>
 * <li>it holds a version activated before: the database's latest activation decides (a restart never undoes an
 * activation or a rollback made through the API);</li>
 * <li>it does not pass validation: the service starts on the database's latest activation, and says so loudly at
 * ERROR with every problem; with none in the database it refuses to start, naming every problem.</li>
 * </ul>
 * A version stored before was validated then: it is compiled, its scenarios are not run again.
 */
@ApplicationScoped
public class RuleSetStartup {
    private static final Logger LOG = Logger.getLogger(RuleSetStartup.class);

    private final RuleSetLifecycle lifecycle;

    public RuleSetStartup(RuleSetLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void onStart(@Observes StartupEvent event) {
        if (lifecycle.approvalsRequired() == 0) {
            LOG.warn("unbind.rules.approvals-required is 0: a rules admin can activate a version nobody else "
                    + "approved. Four-eyes approval is off; PCI DSS 6.5.1 change control expects it on.");
        }
        int recorded = lifecycle.store().recordEarlierHistory(lifecycle.clock().instant());
        if (recorded > 0) {
            LOG.infof("The governance log recorded %d earlier event(s) of this store (versions stored and "
                    + "activations made before it existed)", recorded);
        }
        Optional<Activation> latest = lifecycle.store().latestActivation();
        RuleFiles files;
        CompiledRuleSet fromDirectory;
        try {
            files = RuleFiles.readDirectory(lifecycle.directory());
            lifecycle.rememberDirectoryVersion(files.version());
            if (latest.isPresent() && !latest.get().version().equals(files.version())
                    && lifecycle.store().everActivated(files.version())) {
                // The database's later activation decides: the directory is not even compiled.
                startOnLatest(latest.get());
                LOG.warnf("The rules directory holds %s, which was active before; version %s, activated later "
                        + "(at %s), decides. POST /api/v1/rulesets/reload makes the directory's version active "
                        + "again.", files.version(), latest.get().version(), latest.get().activatedAt());
                logActive();
                return;
            }
            fromDirectory = lifecycle.validatedFromDirectory(files, RuleSetLifecycle.SYSTEM_STARTUP);
        } catch (RuleSetRejectedException | RuleSetException | SnapshotIntegrityException e) {
            String problems = e instanceof RuleSetRejectedException rejected ? rejected.report().describe()
                    : e.getMessage();
            if (latest.isEmpty()) {
                throw new RuleSetException("The rules directory " + lifecycle.directory().toAbsolutePath()
                        .normalize() + " cannot be used and no earlier version is active in the database; the "
                        + "service does not start.\n" + problems);
            }
            startOnLatest(latest.get());
            LOG.errorf("%n*** The rules directory %s cannot be used. The service STARTED ON THE LAST ACTIVE VERSION "
                    + "%s (activated at %s) and keeps deciding with it until a valid rule set is reloaded or "
                    + "activated. ***%n%s", lifecycle.directory().toAbsolutePath().normalize(),
                    latest.get().version(), latest.get().activatedAt(), problems);
            return;
        }
        if (latest.isPresent() && latest.get().version().equals(files.version())) {
            lifecycle.use(fromDirectory);
        } else if (latest.isEmpty()) {
            // The first start of a store: nothing else could decide. The deployment brings these rules, reviewed
            // where the deployment is (docs/rulesets.md, "A first deployment"); the log says so.
            lifecycle.activate(fromDirectory, RuleSetLifecycle.SYSTEM_STARTUP, RuleSetLifecycle.STARTUP,
                    "first start of this store: the rules directory's version decides until another is approved and "
                    + "activated");
        } else {
            String missing = lifecycle.approval(lifecycle.store().find(files.version()).orElseThrow())
                    .missing(files.version());
            if (missing == null) {
                lifecycle.activate(fromDirectory, RuleSetLifecycle.SYSTEM_STARTUP, RuleSetLifecycle.STARTUP, null);
            } else {
                fromDirectory.close();
                startOnLatest(latest.get());
                LOG.warnf("The rules directory holds a new version, %s, stored now; version %s keeps deciding "
                        + "until it is approved and activated. %s", files.version(), latest.get().version(),
                        missing);
            }
        }
        logActive();
    }

    private void logActive() {
        try {
            lifecycle.followSchedules();
            lifecycle.followShadow();
        } catch (RuntimeException e) {
            LOG.errorf("Could not read the scheduled activations (tried again at the next sync): %s", e.getMessage());
        }
        CompiledRuleSet ruleSet = lifecycle.active().get();
        ruleSet.warnings().forEach(w -> LOG.warn(w.toString()));
        LOG.infof("Rule set %s decides: %d rules%s", ruleSet.version(), ruleSet.ruleCount(),
                ruleSet.loadedFromStore() ? " (loaded as compiled before)" : "");
    }

    void onStop(@Observes ShutdownEvent event) {
        lifecycle.active().clear();
    }

    private void startOnLatest(Activation latest) {
        lifecycle.use(lifecycle.compile(lifecycle.store().files(latest.version())));
    }
}
