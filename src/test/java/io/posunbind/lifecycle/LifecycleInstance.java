package io.posunbind.lifecycle;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.posunbind.audit.DecisionRecorder;
import io.posunbind.audit.DecisionRecords;
import io.posunbind.audit.RuleSetActivations;
import io.posunbind.audit.RuleSetSnapshots;
import io.posunbind.audit.RuleSetStore;
import io.posunbind.audit.RuleSetVersions;
import io.posunbind.rulecheck.CheckedRuleSet;
import io.posunbind.rulecheck.ValidationService;
import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.ruleset.RuleFiles;

/** One service instance's rule-set lifecycle, without HTTP: the beans wired by hand over a database. */
final class LifecycleInstance implements AutoCloseable {
    final ActiveRuleSet active = new ActiveRuleSet();
    final RuleSetStore store;
    final RuleSetLifecycle lifecycle;
    final AtomicInteger validations = new AtomicInteger();

    LifecycleInstance(DataSource dataSource, Path rules, String instanceId) {
        RuleSetSnapshots snapshots = new RuleSetSnapshots(dataSource);
        store = new RuleSetStore(snapshots, new RuleSetVersions(dataSource), new RuleSetActivations(dataSource));
        ValidationService counting = new ValidationService() {
            @Override
            public CheckedRuleSet check(RuleFiles files) {
                validations.incrementAndGet();
                return super.check(files);
            }
        };
        Clock clock = Clock.systemUTC();
        lifecycle = new RuleSetLifecycle(active, store, counting,
                new DecisionRecorder(new DecisionRecords(dataSource), snapshots, clock, instanceId), clock,
                rules);
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
