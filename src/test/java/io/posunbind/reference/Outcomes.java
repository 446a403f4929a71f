package io.posunbind.reference;

import java.math.BigDecimal;
import java.util.TreeMap;

import io.posunbind.engine.DecisionAnswer;

/** Reduces an engine answer to the parts the reference implementation decides, so the two can be compared. */
public final class Outcomes {
    private Outcomes() {
    }

    public static ReferencePolicyV1.Outcome of(DecisionAnswer a) {
        TreeMap<String, BigDecimal> fees = new TreeMap<>();
        a.fees().forEach(f -> fees.merge(f.code(), f.amount(), BigDecimal::add));
        TreeMap<String, BigDecimal> refunds = new TreeMap<>();
        a.refunds().forEach(f -> refunds.merge(f.code(), f.amount(), BigDecimal::add));
        TreeMap<String, String> holds = new TreeMap<>();
        a.holds().forEach(h -> holds.put(h.code(), h.amount().toPlainString() + "/" + h.releaseAfterDays()));
        return new ReferencePolicyV1.Outcome(a.verdict(),
                a.findings().stream().map(f -> f.code() + "/" + f.severity() + (f.subject() == null ? ""
                        : "/" + f.subject())).toList(),
                a.missingDocuments().stream().map(Enum::name).toList(),
                a.steps().stream().map(s -> s.order() + ":" + s.code()).toList(),
                fees, refunds, holds, a.totals().fees(), a.totals().refunds(), a.totals().net(),
                a.estimatedBusinessDays() == null ? null
                        : a.estimatedBusinessDays().min() + "-" + a.estimatedBusinessDays().max());
    }
}
