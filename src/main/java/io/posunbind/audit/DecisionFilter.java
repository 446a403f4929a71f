package io.posunbind.audit;

import java.time.Instant;

/**
 * What the decision list asks for. Null fields do not filter.
 *
 * @param merchantId     only this merchant's decisions
 * @param caseId         only the decisions of this case (the calling system's caseId)
 * @param verdict        only decisions with this verdict
 * @param rulesetVersion only decisions made by this rule-set version
 * @param from           recorded at or after
 * @param to             recorded before
 * @param after          the cursor: only decisions older than this position
 * @param limit          at most this many
 */
public record DecisionFilter(String merchantId, String caseId, String verdict, String rulesetVersion, Instant from,
                             Instant to, Position after, int limit) {

    /** The same filter asking for another number of decisions. */
    public DecisionFilter withLimit(int newLimit) {
        return new DecisionFilter(merchantId, caseId, verdict, rulesetVersion, from, to, after, newLimit);
    }

    /** A place in the newest-first order: records sort by recordedAt, then decisionId. */
    public record Position(Instant recordedAt, String decisionId) {
    }
}
