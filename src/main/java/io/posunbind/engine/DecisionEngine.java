package io.posunbind.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.posunbind.engine.DecisionAnswer.AmountLine;
import io.posunbind.engine.DecisionAnswer.DayRange;
import io.posunbind.engine.DecisionAnswer.FindingLine;
import io.posunbind.engine.DecisionAnswer.HoldLine;
import io.posunbind.engine.DecisionAnswer.StepLine;
import io.posunbind.engine.DecisionAnswer.Totals;
import io.posunbind.facts.BusinessDays;
import io.posunbind.facts.DocumentType;
import io.posunbind.facts.Fee;
import io.posunbind.facts.Finding;
import io.posunbind.facts.Hold;
import io.posunbind.facts.Outcome;
import io.posunbind.facts.Refund;
import io.posunbind.facts.Step;

/**
 * Decides one case with one compiled rule set and puts the rules' results into the contract's shape and order.
 * Plain Java: the HTTP service, the scenario runner, replay and the benchmarks all decide through it.
 */
public final class DecisionEngine {
    static final String MISSING_DOCUMENT = "MISSING_DOCUMENT";
    private static final String CURRENCY = "CNY";
    private static final Comparator<FindingLine> FINDING_ORDER = Comparator
            .comparing(FindingLine::severity)
            .thenComparing(FindingLine::code)
            .thenComparing(FindingLine::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Decides the case; decisionId and evaluatedAt are the caller's. */
    public DecisionAnswer decide(CaseFacts facts, CompiledRuleSet ruleSet, String decisionId, Instant evaluatedAt) {
        RuleRun run = ruleSet.run(facts.facts());
        List<Outcome> outcomes = run.all(Outcome.class);
        if (outcomes.size() != 1) {
            throw new RuleSetDefectException("The rule set " + ruleSet.version() + " reached " + outcomes.size()
                    + " verdicts for one case; exactly one is required");
        }
        List<FindingLine> findings = findings(run);
        List<AmountLine> fees = amounts(run.all(Fee.class), Fee::code, Fee::amount, Fee::description);
        List<AmountLine> refunds = amounts(run.all(Refund.class), Refund::code, Refund::amount, Refund::description);
        BigDecimal feeTotal = sum(fees);
        BigDecimal refundTotal = sum(refunds);
        return new DecisionAnswer(decisionId, facts.unbindCase().caseId(), facts.unbindCase().asOf(),
                outcomes.get(0).verdict(), findings, missingDocuments(findings), steps(run.all(Step.class)), fees,
                refunds, holds(run.all(Hold.class)), new Totals(feeTotal, refundTotal, feeTotal.subtract(refundTotal),
                CURRENCY), duration(run.all(BusinessDays.class)), ruleSet.version(), run.firedRules(), evaluatedAt);
    }

    private static List<FindingLine> findings(RuleRun run) {
        Map<List<Object>, FindingLine> unique = new LinkedHashMap<>();
        for (RuleRun.Produced produced : run.produced()) {
            if (produced.fact() instanceof Finding f) {
                unique.putIfAbsent(java.util.Arrays.asList(f.code(), f.severity(), f.subject()),
                        new FindingLine(f.code(), f.severity(), f.subject(), f.message(), produced.rule(),
                                produced.metadata().get("regulation")));
            }
        }
        return unique.values().stream().sorted(FINDING_ORDER).toList();
    }

    private static List<DocumentType> missingDocuments(List<FindingLine> findings) {
        return findings.stream()
                .filter(f -> MISSING_DOCUMENT.equals(f.code()) && f.subject() != null)
                .map(f -> DocumentType.valueOf(f.subject()))
                .distinct()
                .sorted(Comparator.comparing(DocumentType::name))
                .toList();
    }

    private static List<StepLine> steps(List<Step> steps) {
        Map<String, Step> byCode = new LinkedHashMap<>();
        steps.stream().sorted(Comparator.comparingInt(Step::order).thenComparing(Step::code))
                .forEach(s -> byCode.putIfAbsent(s.code(), s));
        return byCode.values().stream().map(s -> new StepLine(s.order(), s.code(), s.description())).toList();
    }

    private static <T> List<AmountLine> amounts(List<T> items, Function<T, String> code,
                                                Function<T, BigDecimal> amount, Function<T, String> description) {
        List<AmountLine> lines = new ArrayList<>();
        for (T item : items) {
            BigDecimal value = money(amount.apply(item));
            if (value.signum() != 0) {
                lines.add(new AmountLine(code.apply(item), value, description.apply(item)));
            }
        }
        lines.sort(Comparator.comparing(AmountLine::code).thenComparing(AmountLine::amount));
        return lines;
    }

    private static List<HoldLine> holds(List<Hold> holds) {
        return holds.stream()
                .map(h -> new HoldLine(h.code(), money(h.amount()), h.releaseAfterDays()))
                .filter(h -> h.amount().signum() != 0)
                .sorted(Comparator.comparing(HoldLine::code).thenComparing(HoldLine::amount))
                .toList();
    }

    private static DayRange duration(List<BusinessDays> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        return new DayRange(parts.stream().mapToInt(BusinessDays::min).sum(),
                parts.stream().mapToInt(BusinessDays::max).sum());
    }

    private static BigDecimal sum(List<AmountLine> lines) {
        return lines.stream().map(AmountLine::amount).reduce(money(BigDecimal.ZERO), BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal amount) {
        return Objects.requireNonNull(amount, "a rule inserted an amount of null").setScale(2, RoundingMode.HALF_UP);
    }
}
