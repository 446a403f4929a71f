package io.posunbind.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.ruleset.RuleSetCache;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.storage.Sql;
import io.posunbind.storage.StoreUnavailableException;

/**
 * Backtests a rule-set version: decides recorded requests again under it, with their recorded asOf, and compares
 * each answer with the baseline's: by default the active version deciding the same request at the same moment
 * (so that only the candidate's change shows), or the recorded answer. The decisions are streamed from the store
 * and decided on every core; one compiled rule set per version serves the whole run (leased from the cache);
 * nothing is recorded in the decision log.
 */
@ApplicationScoped
public class Simulator {
    private static final int FETCH_SIZE = 500;
    private final DecisionRecords records;
    private final RuleSetStore store;
    private final RuleSetCache cache;
    private final Clock clock;

    Simulator(DecisionRecords records, RuleSetStore store, RuleSetCache cache, Clock clock) {
        this.records = records;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
    }

    /** How many decisions the scope selects. */
    public int count(SimulationScope scope) {
        return Sql.call(() -> records.newestIds(scope.from(), scope.to(), scope.limit()).size());
    }

    /** Checks the version is stored and intact before a simulation of it is started. */
    public void checkStored(String version) {
        store.files(version);
    }

    /**
     * Decides each selected decision again under the version and compares it with the baseline's answer.
     *
     * @param baseline the version to compare with, or {@link SimulationReport#RECORDED}
     * @param progress told the number of decisions done, now and then
     */
    public SimulationReport run(String version, String baseline, SimulationScope scope, IntConsumer progress) {
        boolean recorded = SimulationReport.RECORDED.equals(baseline);
        Instant now = clock.instant();
        ComparisonTotals totals = new ComparisonTotals(SimulationReport.KEPT);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 64), new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        try (RuleSetCache.Lease candidate = cache.lease(version, () -> store.files(version));
             RuleSetCache.Lease base = recorded ? null : cache.lease(baseline, () -> store.files(baseline))) {
            CompiledRuleSet candidateRules = candidate.ruleSet();
            CompiledRuleSet baseRules = base == null ? null : base.ruleSet();
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            try {
                records.forEachNewest(scope.from(), scope.to(), scope.limit(), FETCH_SIZE, record -> {
                    if (failure.get() != null) {
                        return;
                    }
                    workers.execute(() -> {
                        ClassLoader was = Thread.currentThread().getContextClassLoader();
                        Thread.currentThread().setContextClassLoader(context);
                        try {
                            Redecision.Recorded read = Redecision.Recorded.of(record);
                            totals.add(read, read.under(candidateRules, now),
                                    baseRules == null ? null : read.under(baseRules, now));
                            int n = done.incrementAndGet();
                            if (n % 200 == 0) {
                                progress.accept(n);
                            }
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            Thread.currentThread().setContextClassLoader(was);
                        }
                    });
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new StoreUnavailableException(e);
            }
            workers.shutdown();
            if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("The simulation did not end within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The simulation was interrupted", e);
        } finally {
            workers.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        progress.accept(done.get());
        return totals.report(version, recorded ? SimulationReport.RECORDED : baseline);
    }
}
