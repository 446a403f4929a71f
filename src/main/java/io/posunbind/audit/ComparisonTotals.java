package io.posunbind.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a candidate's answers change against a baseline's, added up decision by decision from any thread: the
 * counts, the verdict matrix, the fee totals, the per-code counts and the changed decisions (the latest
 * {@code keep} of them). A backtest and a shadow both report with it.
 */
final class ComparisonTotals {

    /** Keeps the newest {@code keep} changed decisions (by when they were recorded); the counts count them all. */
    ComparisonTotals(int keep) {
        this.keep = keep;
    }

    private final int keep;
    private int compared;
    private int changedCount;
    private int verdicts;
    private int fees;
    private int steps;
    private BigDecimal feesBefore = BigDecimal.ZERO;
    private BigDecimal feesAfter = BigDecimal.ZERO;
    private final Map<String, Integer> verdictPairs = new TreeMap<>();
    private final Map<String, int[]> findingCounts = new TreeMap<>();
    private final Map<String, int[]> feeCounts = new TreeMap<>();
    private final Map<String, BigDecimal[]> feeAmounts = new TreeMap<>();
    private final Map<String, int[]> stepCounts = new TreeMap<>();
    private final Map<String, SimulationReport.CodeChanges> byFinding = new TreeMap<>();
    private final Map<String, SimulationReport.CodeChanges> byFee = new TreeMap<>();
    private final Map<String, SimulationReport.CodeChanges> byStep = new TreeMap<>();
    /** The newest changed decisions kept so far, the oldest of them first out. */
    private final PriorityQueue<Changed> changed = new PriorityQueue<>(NEWEST_LAST);

    private record Changed(Instant at, SimulationReport.ChangedDecision decision) {
    }

    private static final Comparator<Changed> NEWEST_LAST = Comparator.comparing(Changed::at)
            .thenComparing(c -> c.decision().decisionId());

    /** Adds one decision: the candidate's answer against the baseline's (null: the recorded answer). */
    void add(Redecision.Recorded recorded, Redecision candidate, Redecision baseline) {
        JsonNode before = baseline == null ? recorded.answer() : baseline.tree();
        DecisionRecord record = recorded.record();
        add(record.decisionId(), record.rulesetVersion(), record.recordedAt(), before, candidate.tree(),
                candidate.differencesFrom(before));
    }

    /** What one answer adds to the totals, read from its JSON before the lock is taken. */
    private record Side(String verdict, BigDecimal fees, Set<String> findings, Set<String> feeCodes,
                        Set<String> steps, Map<String, BigDecimal> feeAmounts) {
        static Side of(JsonNode answer) {
            Map<String, BigDecimal> amounts = new TreeMap<>();
            for (JsonNode fee : answer.path("fees")) {
                amounts.merge(fee.path("code").asText(), fee.path("amount").decimalValue(), BigDecimal::add);
            }
            return new Side(answer.path("verdict").asText(), answer.path("totals").path("fees").decimalValue(),
                    codes(answer, "findings"), codes(answer, "fees"), codes(answer, "steps"), amounts);
        }

        /** Each code of the list once. */
        private static Set<String> codes(JsonNode answer, String list) {
            Set<String> codes = new HashSet<>();
            answer.path(list).forEach(item -> codes.add(item.path("code").asText()));
            return codes;
        }
    }

    /** Adds one decision: the candidate's answer ({@code after}) against the baseline's ({@code before}). */
    void add(String decisionId, String decidedBy, Instant decidedAt, JsonNode before, JsonNode after,
             List<Difference> differences) {
        // Everything read from the answers is read here, by the calling thread: the lock only adds up.
        Side from = Side.of(before);
        Side to = Side.of(after);
        boolean changedVerdict = false;
        boolean changedFees = false;
        boolean changedSteps = false;
        for (Difference d : differences) {
            changedVerdict |= d.field().equals("verdict");
            changedFees |= d.field().startsWith("fees[") || d.field().equals("totals.fees");
            changedSteps |= d.field().startsWith("steps[");
        }
        synchronized (this) {
            compared++;
            verdictPairs.merge(from.verdict() + "\u0000" + to.verdict(), 1, Integer::sum);
            feesBefore = feesBefore.add(from.fees());
            feesAfter = feesAfter.add(to.fees());
            count(from.findings(), to.findings(), findingCounts);
            count(from.feeCodes(), to.feeCodes(), feeCounts);
            count(from.steps(), to.steps(), stepCounts);
            amounts(from.feeAmounts(), 0);
            amounts(to.feeAmounts(), 1);
            if (!differences.isEmpty()) {
                changedCount++;
                verdicts += changedVerdict ? 1 : 0;
                fees += changedFees ? 1 : 0;
                steps += changedSteps ? 1 : 0;
                count(differences, "findings[", byFinding);
                count(differences, "fees[", byFee);
                count(differences, "steps[", byStep);
                changed.add(new Changed(decidedAt, new SimulationReport.ChangedDecision(decisionId, decidedBy,
                        from.verdict(), to.verdict(), differences)));
                if (changed.size() > keep) {
                    changed.poll();
                }
            }
        }
    }

    synchronized SimulationReport report(String version, String baseline) {
        List<SimulationReport.VerdictChange> pairs = new ArrayList<>();
        verdictPairs.forEach((pair, n) -> {
            String[] fromTo = pair.split("\u0000", 2);
            pairs.add(new SimulationReport.VerdictChange(fromTo[0], fromTo[1], n));
        });
        List<Changed> sorted = new ArrayList<>(changed);
        sorted.sort(Comparator.comparing(Changed::at).reversed().thenComparing(c -> c.decision().decisionId()));
        return new SimulationReport(version, baseline, compared, changedCount, verdicts, fees, steps, pairs,
                new SimulationReport.Totals(feesBefore, feesAfter), counts(findingCounts), counts(feeCounts),
                amounts(), counts(stepCounts), byFinding, byFee, byStep, sorted.size(), 0,
                sorted.stream().map(Changed::decision).toList());
    }

    /** Adds an answer's fees to the per-code amounts: {@code side} 0 for the baseline, 1 for the candidate. */
    private void amounts(Map<String, BigDecimal> answer, int side) {
        answer.forEach((code, amount) -> {
            BigDecimal[] sums = feeAmounts.computeIfAbsent(code, c -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            sums[side] = sums[side].add(amount);
        });
    }

    private Map<String, SimulationReport.Totals> amounts() {
        Map<String, SimulationReport.Totals> out = new TreeMap<>();
        feeAmounts.forEach((code, a) -> out.put(code, new SimulationReport.Totals(a[0], a[1])));
        return out;
    }

    private static Map<String, SimulationReport.Count> counts(Map<String, int[]> counts) {
        Map<String, SimulationReport.Count> out = new TreeMap<>();
        counts.forEach((code, n) -> out.put(code, new SimulationReport.Count(n[0], n[1])));
        return out;
    }

    /** Counts each code of the list once per decision, under the baseline and the candidate. */
    private static void count(Set<String> before, Set<String> after, Map<String, int[]> counts) {
        before.forEach(code -> counts.computeIfAbsent(code, c -> new int[2])[0]++);
        after.forEach(code -> counts.computeIfAbsent(code, c -> new int[2])[1]++);
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
