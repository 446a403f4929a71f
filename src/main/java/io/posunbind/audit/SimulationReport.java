package io.posunbind.audit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a candidate rule set would change in the recorded decisions, compared with a baseline: by default the
 * active version, deciding the same recorded requests (with their recorded asOf) at the same moment, so the report
 * shows the candidate's change and nothing else; or the answers as they were recorded ({@code baseline=recorded}),
 * made under whatever versions were active then.
 *
 * @param version                the candidate
 * @param baseline               the version compared with, or {@code recorded}
 * @param compared               recorded decisions decided again
 * @param changed                decisions whose answer would differ in anything
 * @param verdictsChanged        decisions whose verdict would differ
 * @param feesChanged            decisions whose fees (a fee, or the fee total) would differ
 * @param stepsChanged           decisions whose steps would differ
 * @param verdicts               every (baseline verdict, candidate verdict) pair with how many decisions have it
 * @param feeTotals              the fee totals of all compared decisions added up, under the baseline and the
 *                               candidate
 * @param findingCounts          per finding code: in how many decisions it appears, under each
 * @param feeCounts              per fee code, the same
 * @param feeAmounts             per fee code: its amounts in all compared decisions added up, under each
 * @param stepCounts             per step code, the same
 * @param byFindingCode          per finding code: in how many decisions it would be added, removed or changed
 * @param byFeeCode              per fee code, the same
 * @param byStepCode             per step code, the same
 * @param changedDecisionsKept   how many changed decisions the report lists, with their differences: the newest
 *                               ones, at most {@value #KEPT} of a backtest (every count above counts them all)
 * @param changedDecisionsOffset where the page of changed decisions starts
 * @param changedDecisions       a page of the changed decisions with their differences, newest first
 */
public record SimulationReport(String version, String baseline, int compared, int changed, int verdictsChanged,
                               int feesChanged, int stepsChanged, List<VerdictChange> verdicts, Totals feeTotals,
                               Map<String, Count> findingCounts, Map<String, Count> feeCounts,
                               Map<String, Totals> feeAmounts, Map<String, Count> stepCounts,
                               Map<String, CodeChanges> byFindingCode,
                               Map<String, CodeChanges> byFeeCode, Map<String, CodeChanges> byStepCode,
                               int changedDecisionsKept, int changedDecisionsOffset,
                               List<ChangedDecision> changedDecisions) {
    static final String RECORDED = "recorded";
    /** A backtest's report lists at most this many changed decisions, the newest. */
    static final int KEPT = 10_000;

    public SimulationReport {
        // A report stored before the field existed lists every changed decision it has.
        if (changedDecisionsKept == 0 && changedDecisions != null) {
            changedDecisionsKept = changedDecisions.size();
        }
    }

    /** The same report with the changed decisions from {@code offset}, at most {@code limit} of them. */
    SimulationReport page(int offset, int limit) {
        int from = Math.min(offset, changedDecisions.size());
        int to = Math.min(changedDecisions.size(), from + limit);
        return new SimulationReport(version, baseline, compared, changed, verdictsChanged, feesChanged, stepsChanged,
                verdicts, feeTotals, findingCounts, feeCounts, feeAmounts, stepCounts, byFindingCode, byFeeCode,
                byStepCode, changedDecisionsKept, changedDecisionsOffset + from,
                List.copyOf(changedDecisions.subList(from, to)));
    }

    /** A pair of verdicts, baseline then candidate, and how many decisions have it. */
    public record VerdictChange(String from, String to, int count) {
    }

    /** An amount under the baseline and under the candidate. */
    public record Totals(BigDecimal before, BigDecimal after) {
    }

    /** In how many decisions a code appears under the baseline and under the candidate. */
    public record Count(int before, int after) {
    }

    /** In how many decisions a code would appear (added), disappear (removed) or differ (changed). */
    public record CodeChanges(int added, int removed, int changed) {
        CodeChanges plus(String change) {
            return new CodeChanges(added + (Difference.ADDED.equals(change) ? 1 : 0),
                    removed + (Difference.REMOVED.equals(change) ? 1 : 0),
                    changed + (Difference.CHANGED.equals(change) ? 1 : 0));
        }
    }

    /**
     * One decision the candidate would answer differently.
     *
     * @param decisionId       the recorded decision
     * @param recordedVersion  the version that decided it
     * @param verdict          the baseline's verdict (the recorded one with {@code baseline=recorded})
     * @param simulatedVerdict the candidate's verdict
     * @param differences      field by field, from the baseline's answer to the candidate's
     */
    public record ChangedDecision(String decisionId, String recordedVersion, String verdict,
                                  String simulatedVerdict, List<Difference> differences) {
    }
}
