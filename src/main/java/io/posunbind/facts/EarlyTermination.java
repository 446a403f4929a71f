package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * The contract's early-termination terms.
 *
 * @param method FLAT or PER_REMAINING_MONTH
 * @param amount the flat amount; given for FLAT, else may be null
 * @param cap    the most that may be charged, or null for no cap
 */
public record EarlyTermination(EarlyTerminationMethod method, BigDecimal amount, BigDecimal cap) {
}
