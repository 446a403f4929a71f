package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * Money the provider pays back to the merchant. A refund of 0.00 is not listed in the answer.
 *
 * @param code        the policy's refund code, e.g. DEPOSIT_REFUND
 * @param amount      CNY, 2 decimals
 * @param description a sentence for the merchant
 */
public record Refund(String code, BigDecimal amount, String description) {
}
