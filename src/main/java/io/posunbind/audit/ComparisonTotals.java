package io.posunbind.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a candidate's answers change against a baseline's, added up decision by decision from any thread: the
 * counts, the verdict matrix, the fee totals, the per-code counts and the changed decisions (the latest
 * {@code keep} of them). A backtest and a shadow both report with it.
 */
final class ComparisonTotals {

    /** Keeps every changed decision. */
    ComparisonTotals() {
        this(Integer.MAX_VALUE);
    }

    /** Keeps the latest {@code keep} changed decisions; the counts count them all. */
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
    private final List<Changed> changed = new ArrayList<>();

    private record Changed(Instant at, SimulationReport.ChangedDecision decision) {
    }

    /** Adds one decision: the candidate's answer against the baseline's (null: the recorded answer). */
    void add(DecisionRecord record, Redecision candidate, Redecision baseline) {
        JsonNode before = baseline == null ? AnswerDiff.tree(record.answerBody()) : AnswerDiff.tree(baseline.json());
        JsonNode after = AnswerDiff.tree(candidate.json());
        add(record.decisionId(), record.rulesetVersion(), record.recordedAt(), before, after,
                baseline == null ? candidate.differences() : AnswerDiff.between(before, after));
    }

    /** Adds one decision: the candidate's answer ({@code after}) against the baseline's ({@code before}). */
    void add(String decisionId, String decidedBy, Instant decidedAt, JsonNode before, JsonNode after,
             List<Difference> differences) {
        String from = before.path("verdict").asText();
        String to = after.path("verdict").asText();
        synchronized (this) {
            compared++;
            verdictPairs.merge(from + "\u0000" + to, 1, Integer::sum);
            feesBefore = feesBefore.add(before.path("totals").path("fees").decimalValue());
            feesAfter = feesAfter.add(after.path("totals").path("fees").decimalValue());
            codes(before, after, "findings", findingCounts);
            codes(before, after, "fees", feeCounts);
            amounts(before, 0);
            amounts(after, 1);
            codes(before, after, "steps", stepCounts);
            if (!differences.isEmpty()) {
                changedCount++;
                verdicts += differences.stream().anyMatch(d -> d.field().equals("verdict")) ? 1 : 0;
                fees += differences.stream().anyMatch(d -> d.field().startsWith("fees[")
                        || d.field().equals("totals.fees")) ? 1 : 0;
                steps += differences.stream().anyMatch(d -> d.field().startsWith("steps[")) ? 1 : 0;
                count(differences, "findings[", byFinding);
                count(differences, "fees[", byFee);
                count(differences, "steps[", byStep);
                changed.add(new Changed(decidedAt, new SimulationReport.ChangedDecision(decisionId, decidedBy, from,
                        to, differences)));
                if (changed.size() > keep) {
                    changed.remove(0);
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
                amounts(), counts(stepCounts), byFinding, byFee, byStep, 0,
                sorted.stream().map(Changed::decision).toList());
    }

    /** Adds an answer's fees to the per-code amounts: {@code side} 0 for the baseline, 1 for the candidate. */
    private void amounts(JsonNode answer, int side) {
        for (JsonNode fee : answer.path("fees")) {
            BigDecimal[] sums = feeAmounts.computeIfAbsent(fee.path("code").asText(),
                    c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[side] = sums[side].add(fee.path("amount").decimalValue());
        }
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
