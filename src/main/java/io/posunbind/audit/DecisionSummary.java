package io.posunbind.audit;

import java.time.Instant;
import java.time.LocalDate;

/** A decision as the list shows it: who, when, which merchant, which verdict, under which rules. */
public record DecisionSummary(String decisionId, Instant recordedAt, String requestedBy, String rulesetVersion,
                              LocalDate asOf, String caseId, String merchantId, String verdict,
                              RecordIntegrity integrity) {
}
