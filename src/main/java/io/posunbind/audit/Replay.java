package io.posunbind.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A recorded decision decided again.
 *
 * @param decisionId             the recorded decision
 * @param rulesetVersion         the rule-set version the replay used
 * @param recordedRulesetVersion the version that made the recorded decision
 * @param identical              true when nothing but the decision's time (and the version) differs
 * @param differences            what differs, field by field
 * @param original               the recorded answer, exactly as it was sent
 * @param replayed               the replayed answer (same decisionId, the replay's evaluatedAt)
 */
public record Replay(String decisionId, String rulesetVersion, String recordedRulesetVersion, boolean identical,
                     List<Difference> differences, @JsonRawValue String original, @JsonRawValue String replayed) {
}
