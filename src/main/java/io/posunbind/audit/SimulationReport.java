package io.posunbind.audit;

import java.util.List;
import java.util.Map;

/**
 * What a candidate rule set would have changed in the recorded decisions.
 *
 * @param version          the candidate
 * @param compared         recorded decisions decided again
 * @param changed          decisions whose answer would differ in anything
 * @param verdictsChanged  decisions whose verdict would differ
 * @param feesChanged      decisions whose fees (a fee, or the fee total) would differ
 * @param stepsChanged     decisions whose steps would differ
 * @param byFindingCode    per finding code: in how many decisions it would be added, removed or changed
 * @param byFeeCode        per fee code, the same
 * @param byStepCode       per step code, the same
 * @param changedDecisions every changed decision with its differences, newest first
 */
public record SimulationReport(String version, int compared, int changed, int verdictsChanged, int feesChanged,
                               int stepsChanged, Map<String, CodeChanges> byFindingCode,
                               Map<String, CodeChanges> byFeeCode, Map<String, CodeChanges> byStepCode,
                               List<ChangedDecision> changedDecisions) {

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
     * @param decisionId      the recorded decision
     * @param recordedVersion the version that decided it
     * @param verdict         the recorded verdict
     * @param simulatedVerdict the candidate's verdict
     * @param differences     field by field, as replay reports them
     */
    public record ChangedDecision(String decisionId, String recordedVersion, String verdict,
                                  String simulatedVerdict, List<Difference> differences) {
    }
}
