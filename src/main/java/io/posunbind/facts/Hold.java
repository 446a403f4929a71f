package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * Money the provider keeps back for a while. Not part of the totals; a hold of 0.00 is not listed.
 *
 * @param code             the policy's hold code, e.g. CHARGEBACK_RESERVE
 * @param amount           CNY, 2 decimals
 * @param releaseAfterDays days after which the hold is released
 */
public record Hold(String code, BigDecimal amount, int releaseAfterDays) {
}
