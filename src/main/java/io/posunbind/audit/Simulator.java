package io.posunbind.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

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
        Totals totals = new Totals();
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
                            totals.add(record, Redecision.of(record, candidateRules, now),
                                    baseRules == null ? null : Redecision.of(record, baseRules, now));
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

    /** The counts of a run, added to from every worker. */
    private static final class Totals {
        private int compared;
        private int verdicts;
        private int fees;
        private int steps;
        private BigDecimal feesBefore = BigDecimal.ZERO;
        private BigDecimal feesAfter = BigDecimal.ZERO;
        private final Map<String, Integer> verdictPairs = new TreeMap<>();
        private final Map<String, int[]> findingCounts = new TreeMap<>();
        private final Map<String, int[]> feeCounts = new TreeMap<>();
        private final Map<String, int[]> stepCounts = new TreeMap<>();
        private final Map<String, SimulationReport.CodeChanges> byFinding = new TreeMap<>();
        private final Map<String, SimulationReport.CodeChanges> byFee = new TreeMap<>();
        private final Map<String, SimulationReport.CodeChanges> byStep = new TreeMap<>();
        private final List<Changed> changed = new ArrayList<>();

        private record Changed(DecisionRecord record, SimulationReport.ChangedDecision decision) {
        }

        /** Adds one decision: the candidate's answer against the baseline's (null: the recorded answer). */
        void add(DecisionRecord record, Redecision candidate, Redecision baseline) {
            JsonNode before = baseline == null ? AnswerDiff.tree(record.answerBody()) : AnswerDiff.tree(baseline.json());
            JsonNode after = AnswerDiff.tree(candidate.json());
            List<Difference> differences = baseline == null ? candidate.differences()
                    : AnswerDiff.between(before, after);
            String from = before.path("verdict").asText();
            String to = after.path("verdict").asText();
            synchronized (this) {
                compared++;
                verdictPairs.merge(from + "\u0000" + to, 1, Integer::sum);
                feesBefore = feesBefore.add(before.path("totals").path("fees").decimalValue());
                feesAfter = feesAfter.add(after.path("totals").path("fees").decimalValue());
                codes(before, after, "findings", findingCounts);
                codes(before, after, "fees", feeCounts);
                codes(before, after, "steps", stepCounts);
                if (!differences.isEmpty()) {
                    verdicts += differences.stream().anyMatch(d -> d.field().equals("verdict")) ? 1 : 0;
                    fees += differences.stream().anyMatch(d -> d.field().startsWith("fees[")
                            || d.field().equals("totals.fees")) ? 1 : 0;
                    steps += differences.stream().anyMatch(d -> d.field().startsWith("steps[")) ? 1 : 0;
                    count(differences, "findings[", byFinding);
                    count(differences, "fees[", byFee);
                    count(differences, "steps[", byStep);
                    changed.add(new Changed(record, new SimulationReport.ChangedDecision(record.decisionId(),
                            record.rulesetVersion(), from, to, differences)));
                }
            }
        }

        synchronized SimulationReport report(String version, String baseline) {
            List<SimulationReport.VerdictChange> pairs = new ArrayList<>();
            verdictPairs.forEach((pair, n) -> {
                String[] fromTo = pair.split("\u0000", 2);
                pairs.add(new SimulationReport.VerdictChange(fromTo[0], fromTo[1], n));
            });
            changed.sort(Comparator.comparing((Changed c) -> c.record().recordedAt()).reversed()
                    .thenComparing(c -> c.record().decisionId()));
            return new SimulationReport(version, baseline, compared, changed.size(), verdicts, fees, steps, pairs,
                    new SimulationReport.Totals(feesBefore, feesAfter), counts(findingCounts), counts(feeCounts),
                    counts(stepCounts), byFinding, byFee, byStep, 0,
                    changed.stream().map(Changed::decision).toList());
        }

        private static Map<String, SimulationReport.Count> counts(Map<String, int[]> counts) {
            Map<String, SimulationReport.Count> out = new TreeMap<>();
            counts.forEach((code, n) -> out.put(code, new SimulationReport.Count(n[0], n[1])));
            return out;
        }

        /** Counts each code of the list once per decision, under the baseline and the candidate. */
        private static void codes(JsonNode before, JsonNode after, String list, Map<String, int[]> counts) {
            Set<String> seen = new HashSet<>();
            before.path(list).forEach(item -> {
                if (seen.add(item.path("code").asText())) {
                    counts.computeIfAbsent(item.path("code").asText(), c -> new int[2])[0]++;
                }
            });
            seen.clear();
            after.path(list).forEach(item -> {
                if (seen.add(item.path("code").asText())) {
                    counts.computeIfAbsent(item.path("code").asText(), c -> new int[2])[1]++;
                }
            });
        }

        /**
         * Counts one decision's differences in a keyed list by code, once per code and kind of change:
         * {@code findings[MISSING_DOCUMENT/IDENTITY_PROOF]} counts under MISSING_DOCUMENT.
         */
        private static void count(List<Difference> differences, String list,
                                  Map<String, SimulationReport.CodeChanges> byCode) {
            Set<String> seen = new HashSet<>();
            for (Difference d : differences) {
                if (d.field().startsWith(list)) {
                    String key = d.field().substring(list.length(), d.field().length() - 1);
                    String code = key.split("[/#]", 2)[0];
                    if (seen.add(code + " " + d.change())) {
                        byCode.compute(code, (c, was) -> (was == null ? new SimulationReport.CodeChanges(0, 0, 0)
                                : was).plus(d.change()));
                    }
                }
            }
        }
    }
}
