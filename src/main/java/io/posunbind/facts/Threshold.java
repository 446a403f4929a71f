package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * A value officers tune, written in a decision table ({@code rules/thresholds/thresholds.csv}) rather than in the
 * rule that uses it: {@code Threshold( name == "CHARGEBACK_REVIEW_AMOUNT", $limit : value )}. Validation checks that
 * every threshold a rule reads is defined once, so a renamed or deleted row is an error, never a rule that stops
 * firing.
 *
 * @param name  the threshold's name, UPPER_SNAKE_CASE
 * @param value its value: an amount in CNY, a percentage or a count, as the row's label says
 */
public record Threshold(String name, BigDecimal value) {

    public static Threshold of(String name, BigDecimal value) {
        return new Threshold(name, value);
    }

    /** The value as a whole number, for thresholds that count: {@code securityIncidents >= $min.intValue()}. */
    public int whole() {
        return value.intValueExact();
    }
}
