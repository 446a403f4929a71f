package io.posunbind.decision;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.ruleset.RuleFiles;

/**
 * A decision about to be answered, with everything the audit record holds.
 *
 * @param requestBody    the request bytes as received
 * @param request        the same request, parsed
 * @param result         the answer and its exact bytes
 * @param ruleSet        the files of the rule-set version that decided
 * @param requestedBy    who asked: the signed-in principal's name
 * @param idempotencyKey the Idempotency-Key header, or null
 */
public record DecisionToRecord(byte[] requestBody, JsonNode request, DecisionResult result, RuleFiles ruleSet,
                               String requestedBy, String idempotencyKey) {
}
