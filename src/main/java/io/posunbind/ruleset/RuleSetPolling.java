package io.posunbind.ruleset;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Two background checks on one thread. Sync ({@code unbind.rules.sync-interval}): the version of the database's
 * latest activation becomes this instance's, so every instance sharing the database switches within the interval.
 * Watch ({@code unbind.rules.watch-interval}, off unless set): a rules directory whose version changed since it was
 * last read is reloaded; a broken one is logged and changes nothing. A failed check is logged and tried again at the
 * next interval.
 */
@ApplicationScoped
public class RuleSetPolling {
    private static final Logger LOG = Logger.getLogger(RuleSetPolling.class);

    private final RuleSetLifecycle lifecycle;
    private final Duration syncInterval;
    private final Optional<Duration> watchInterval;
    private ScheduledExecutorService timer;

    @Inject
    public RuleSetPolling(RuleSetLifecycle lifecycle, UnbindConfig config) {
        this(lifecycle, config.rules().syncInterval(), config.rules().watchInterval());
    }

    RuleSetPolling(RuleSetLifecycle lifecycle, Duration syncInterval, Optional<Duration> watchInterval) {
        this.lifecycle = lifecycle;
        this.syncInterval = syncInterval;
        this.watchInterval = watchInterval;
    }

    /** Starts after the rule set is chosen (RuleSetStartup observes at the default priority). */
    void onStart(@Observes @Priority(4000) StartupEvent event) {
        Duration sync = syncInterval;
        boolean syncing = !sync.isZero() && !sync.isNegative();
        boolean watching = watchInterval.isPresent();
        if (!syncing && !watching) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rule-set-polling");
            thread.setDaemon(true);
            return thread;
        });
        if (syncing) {
            timer.scheduleWithFixedDelay(this::sync, sync.toMillis(), sync.toMillis(), TimeUnit.MILLISECONDS);
        }
        watchInterval.ifPresent(watch -> timer.scheduleWithFixedDelay(this::watch, watch.toMillis(),
                watch.toMillis(), TimeUnit.MILLISECONDS));
        LOG.infof("Rule-set sync every %s, directory watch %s", syncing ? sync : "off",
                watchInterval.map(Duration::toString).orElse("off"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    void sync() {
        try {
            lifecycle.followSchedules();
            lifecycle.followStore();
            lifecycle.followShadow();
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the database for a newly activated rule set (tried again in %s): %s",
                    syncInterval, e.getMessage());
        }
    }

    void watch() {
        try {
            String version = RuleFiles.readDirectory(lifecycle.directory()).version();
            if (!version.equals(lifecycle.directoryVersion())) {
                ActivationResult result = lifecycle.reload(RuleSetLifecycle.SYSTEM_WATCH, RuleSetLifecycle.WATCH);
                LOG.infof("The rules directory changed: %s is active", result.version());
            }
        } catch (GovernanceException e) {
            LOG.warnf("The rules directory changed; the active rule set is unchanged: %s", e.getMessage());
        } catch (RuleSetRejectedException e) {
            LOG.errorf("The rules directory changed but cannot be used; the active rule set is unchanged.%n%s",
                    e.report().describe());
        } catch (RuleSetException e) {
            LOG.errorf("The rules directory changed but cannot be used; the active rule set is unchanged: %s",
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the rules directory (tried again later): %s", e.getMessage());
        }
    }
}
