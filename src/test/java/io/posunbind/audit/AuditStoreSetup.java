package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.decideAndRecord;
import static io.posunbind.audit.AuditFixtures.request;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionResult;
import io.posunbind.ruleset.RuleSetCache;
import io.posunbind.ruleset.RuleSetLease;

/**
 * What the audit store tests share: a fresh database per test, the audit tests' own rule sets (handling fee 10.00
 * in v1, 25.00 in v2; v1 stored), a recorder and the readers over it. Plain JDBC and plain Java, no Quarkus.
 */
abstract class AuditStoreSetup {
    private static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    static CompiledRuleSet v1;
    static CompiledRuleSet v2;

    TestDatabase db;
    DecisionRecorder recorder;

    abstract TestDatabase openDatabase(Path directory);

    @BeforeAll
    static void compileRuleSets(@TempDir Path rules) {
        v1 = AuditFixtures.compile(AuditFixtures.rulesWithHandlingFee(rules.resolve("v1"), "10.00"));
        v2 = AuditFixtures.compile(AuditFixtures.rulesWithHandlingFee(rules.resolve("v2"), "25.00"));
    }

    @AfterAll
    static void releaseRuleSets() {
        v1.close();
        v2.close();
    }

    @BeforeEach
    void openStore(@TempDir Path directory) {
        db = openDatabase(directory);
        db.store(v1);
        recorder = newRecorder("writer-a");
    }

    @AfterEach
    void closeStore() throws Exception {
        db.close();
    }

    DecisionRecorder newRecorder(String writerId) {
        return new DecisionRecorder(db.records(), CLOCK, writerId, null);
    }

    ReplayService replays(CompiledRuleSet active) {
        return new ReplayService(db.records(), db.ruleSets(), new RuleSetCache(() -> RuleSetLease.of(active), 2),
                active::version, CLOCK);
    }

    ChainVerifier verifier() {
        return new ChainVerifier(db.records(), db.ruleSets(), 2);
    }

    List<DecisionResult> decide(DecisionRecorder by, int count, String merchantId) {
        List<DecisionResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(decideAndRecord(by, v1, request("CASE-" + merchantId + "-" + i, merchantId), null));
        }
        return results;
    }

    /** Runs {@code n} tasks at once, released together, and answers their results in task order. */
    static <T> List<T> inParallel(int n, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> callable = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return callable.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
