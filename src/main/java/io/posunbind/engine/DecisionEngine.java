package io.posunbind.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * Decides one case with one compiled rule set and puts the rules' results into the contract's shape and order,
 * every line with the rule that produced it and that rule's regulation, its texts in the language asked for.
 * Plain Java: the HTTP service, the scenario runner, replay and the benchmarks all decide through it.
 */
public final class DecisionEngine {
    static final String MISSING_DOCUMENT = "MISSING_DOCUMENT";
    private static final String CURRENCY = "CNY";
    private static final String REGULATION = "regulation";
    private static final Comparator<FindingLine> FINDING_ORDER = Comparator
            .comparing(FindingLine::severity)
            .thenComparing(FindingLine::code)
            .thenComparing(FindingLine::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Decides the case; decisionId and evaluatedAt are the caller's. The texts are in the language asked for when
     * the rule set has texts in it; a rule set without texts answers with the sentences written in its rules, and
     * its answers say English.
     */
    public DecisionAnswer decide(CaseFacts facts, CompiledRuleSet ruleSet, String decisionId, Instant evaluatedAt,
                                 Language asked) {
        RuleRun run = ruleSet.run(facts.facts());
        List<Outcome> outcomes = run.all(Outcome.class);
        if (outcomes.size() != 1) {
            throw new RuleSetDefectException("The rule set " + ruleSet.version() + " reached " + outcomes.size()
                    + " verdicts for one case; exactly one is required");
        }
        Texts texts = ruleSet.texts();
        Language language = texts.has(asked) ? asked : Language.EN;
        Lines lines = new Lines(texts, language);
        List<FindingLine> findings = lines.findings(run);
        List<AmountLine> fees = lines.fees(run);
        List<AmountLine> refunds = lines.refunds(run);
        BigDecimal feeTotal = sum(fees);
        BigDecimal refundTotal = sum(refunds);
        return new DecisionAnswer(decisionId, facts.unbindCase().caseId(), facts.unbindCase().asOf(),
                language.tag(), outcomes.get(0).verdict(), findings, missingDocuments(findings), lines.steps(run),
                fees, refunds, lines.holds(run), new Totals(feeTotal, refundTotal, feeTotal.subtract(refundTotal),
                CURRENCY), duration(run.all(BusinessDays.class)), ruleSet.version(), run.firedRules(), evaluatedAt);
    }

    /** The rules' results as answer lines, with their texts in one language. */
    private record Lines(Texts texts, Language language) {

        List<FindingLine> findings(RuleRun run) {
            Map<List<Object>, FindingLine> unique = new LinkedHashMap<>();
            for (RuleRun.Produced produced : run.produced()) {
                if (produced.fact() instanceof Finding f) {
                    unique.putIfAbsent(Arrays.asList(f.code(), f.severity(), f.subject()),
                            new FindingLine(f.code(), f.severity(), f.subject(),
                                    texts.render(language, "finding." + f.code(), f.params(), f.message()),
                                    produced.rule(), regulation(produced)));
                }
            }
            return unique.values().stream().sorted(FINDING_ORDER).toList();
        }

        List<StepLine> steps(RuleRun run) {
            Map<String, StepLine> byCode = new LinkedHashMap<>();
            run.produced().stream().filter(p -> p.fact() instanceof Step)
                    .sorted(Comparator.comparingInt((RuleRun.Produced p) -> ((Step) p.fact()).order())
                            .thenComparing(p -> ((Step) p.fact()).code()))
                    .forEach(p -> {
                        Step s = (Step) p.fact();
                        byCode.putIfAbsent(s.code(), new StepLine(s.order(), s.code(),
                                texts.render(language, "step." + s.code(), s.params(), s.description()), p.rule(),
                                regulation(p)));
                    });
            return List.copyOf(byCode.values());
        }

        List<AmountLine> fees(RuleRun run) {
            List<AmountLine> lines = new ArrayList<>();
            for (RuleRun.Produced p : run.produced()) {
                if (p.fact() instanceof Fee f) {
                    add(lines, f.code(), f.amount(), texts.render(language, "fee." + f.text(), f.params(),
                            f.description()), p);
                }
            }
            return sorted(lines);
        }

        List<AmountLine> refunds(RuleRun run) {
            List<AmountLine> lines = new ArrayList<>();
            for (RuleRun.Produced p : run.produced()) {
                if (p.fact() instanceof Refund r) {
                    add(lines, r.code(), r.amount(), texts.render(language, "refund." + r.code(), r.params(),
                            r.description()), p);
                }
            }
            return sorted(lines);
        }

        List<HoldLine> holds(RuleRun run) {
            return run.produced().stream().filter(p -> p.fact() instanceof Hold)
                    .map(p -> {
                        Hold h = (Hold) p.fact();
                        return new HoldLine(h.code(), money(h.amount()), h.releaseAfterDays(), p.rule(),
                                regulation(p));
                    })
                    .filter(h -> h.amount().signum() != 0)
                    .sorted(Comparator.comparing(HoldLine::code).thenComparing(HoldLine::amount))
                    .toList();
        }

        private static void add(List<AmountLine> lines, String code, BigDecimal amount, String description,
                                RuleRun.Produced produced) {
            BigDecimal value = money(amount);
            if (value.signum() != 0) {
                lines.add(new AmountLine(code, value, description, produced.rule(), regulation(produced)));
            }
        }

        private static List<AmountLine> sorted(List<AmountLine> lines) {
            lines.sort(Comparator.comparing(AmountLine::code).thenComparing(AmountLine::amount));
            return lines;
        }

        private static String regulation(RuleRun.Produced produced) {
            return produced.metadata().get(REGULATION);
        }
    }

    private static List<DocumentType> missingDocuments(List<FindingLine> findings) {
        return findings.stream()
                .filter(f -> MISSING_DOCUMENT.equals(f.code()) && f.subject() != null)
                .map(f -> DocumentType.valueOf(f.subject()))
                .distinct()
                .sorted(Comparator.comparing(DocumentType::name))
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
