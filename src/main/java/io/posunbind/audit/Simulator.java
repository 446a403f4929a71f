package io.posunbind.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.ruleset.RuleSetCache;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.storage.Sql;

/**
 * Backtests a rule-set version: decides recorded requests again under it, with their recorded asOf, and compares
 * with the recorded answers exactly as replay does ({@link Redecision}). One compiled rule set serves the whole run
 * (leased from the cache); nothing is recorded.
 */
@ApplicationScoped
public class Simulator {
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

    /** The ids of the decisions the scope selects, newest first. */
    public List<String> select(SimulationScope scope) {
        return Sql.call(() -> records.newestIds(scope.from(), scope.to(), scope.limit()));
    }

    /** Checks the version is stored and intact before a simulation of it is started. */
    public void checkStored(String version) {
        store.files(version);
    }

    /**
     * Decides each selected decision again under the version.
     *
     * @param progress told the number of decisions done after each one
     */
    public SimulationReport run(String version, List<String> decisionIds, IntConsumer progress) {
        int verdicts = 0;
        int fees = 0;
        int steps = 0;
        Map<String, SimulationReport.CodeChanges> byFinding = new TreeMap<>();
        Map<String, SimulationReport.CodeChanges> byFee = new TreeMap<>();
        Map<String, SimulationReport.CodeChanges> byStep = new TreeMap<>();
        List<SimulationReport.ChangedDecision> changed = new ArrayList<>();
        int done = 0;
        try (RuleSetCache.Lease lease = cache.lease(version, () -> store.files(version))) {
            for (String id : decisionIds) {
                DecisionRecord record = Sql.call(() -> records.find(id)).orElse(null);
                if (record != null) {
                    Redecision simulated = Redecision.of(record, lease.ruleSet(), clock.instant());
                    List<Difference> differences = simulated.differences();
                    if (!differences.isEmpty()) {
                        verdicts += differences.stream().anyMatch(d -> d.field().equals("verdict")) ? 1 : 0;
                        fees += differences.stream().anyMatch(d -> d.field().startsWith("fees[")
                                || d.field().equals("totals.fees")) ? 1 : 0;
                        steps += differences.stream().anyMatch(d -> d.field().startsWith("steps[")) ? 1 : 0;
                        count(differences, "findings[", byFinding);
                        count(differences, "fees[", byFee);
                        count(differences, "steps[", byStep);
                        changed.add(new SimulationReport.ChangedDecision(record.decisionId(),
                                record.rulesetVersion(), record.verdict(), simulated.answer().verdict().name(), differences));
                    }
                }
                progress.accept(++done);
            }
        }
        return new SimulationReport(version, done, changed.size(), verdicts, fees, steps, byFinding, byFee, byStep,
                changed);
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
                    byCode.compute(code, (c, was) -> (was == null ? new SimulationReport.CodeChanges(0, 0, 0) : was)
                            .plus(d.change()));
                }
            }
        }
    }
}
