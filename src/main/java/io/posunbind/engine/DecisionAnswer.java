package io.posunbind.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.posunbind.facts.DocumentType;
import io.posunbind.facts.Severity;
import io.posunbind.facts.Verdict;

/**
 * The answer to one unbind case, as the API returns it and the audit store records it. Field order is the
 * contract's and is kept by the JSON writer, so the same decision always serialises to the same bytes.
 */
public record DecisionAnswer(String decisionId, String caseId, LocalDate asOf, String language, Verdict verdict,
                             List<FindingLine> findings, List<DocumentType> missingDocuments, List<StepLine> steps,
                             List<AmountLine> fees, List<AmountLine> refunds, List<HoldLine> holds, Totals totals,
                             DayRange estimatedBusinessDays, String rulesetVersion, List<String> firedRules,
                             Instant evaluatedAt) {

    /** A finding with the rule that produced it and that rule's regulation reference, when it carries one. */
    public record FindingLine(String code, Severity severity, String subject, String message, String rule,
                              String regulation) {
    }

    /** A step with the rule that added it and that rule's regulation reference. */
    public record StepLine(int order, String code, String description, String rule, String regulation) {
    }

    /** A fee or refund with the rule that produced it and that rule's regulation reference. */
    public record AmountLine(String code, BigDecimal amount, String description, String rule, String regulation) {
    }

    /** A hold with the rule that placed it and that rule's regulation reference. */
    public record HoldLine(String code, BigDecimal amount, int releaseAfterDays, String rule, String regulation) {
    }

    public record Totals(BigDecimal fees, BigDecimal refunds, BigDecimal net, String currency) {
    }

    public record DayRange(int min, int max) {
    }
}
