package io.posunbind.ruleset;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.posunbind.engine.RuleFiles;
import io.posunbind.storage.InstanceId;
import io.posunbind.storage.Storage.Database;

/** One service instance's rule-set lifecycle, without HTTP: the beans wired by hand over a database. */
final class LifecycleInstance implements AutoCloseable {
    final ActiveRuleSet active = new ActiveRuleSet();
    final RuleSetStore store;
    final RuleSetLifecycle lifecycle;
    final AtomicInteger validations = new AtomicInteger();

    /** An instance that needs no approval: these tests are about startup and following, not four-eyes. */
    LifecycleInstance(DataSource dataSource, Path rules, String instanceId) {
        this(dataSource, rules, instanceId, 0);
    }

    LifecycleInstance(DataSource dataSource, Path rules, String instanceId, int approvalsRequired) {
        store = new RuleSetStore(new Database("test", dataSource));
        ValidationService counting = new ValidationService() {
            @Override
            public CheckedRuleSet check(RuleFiles files) {
                validations.incrementAndGet();
                return super.check(files);
            }
        };
        Clock clock = Clock.systemUTC();
        lifecycle = new RuleSetLifecycle(active, store, counting, InstanceId.of(instanceId), clock, rules,
                approvalsRequired);
    }

    /** Starts as the service does: chooses the rule set to decide with. */
    LifecycleInstance start() {
        new RuleSetStartup(lifecycle).onStart(null);
        return this;
    }

    @Override
    public void close() {
        active.clear();
    }
}
