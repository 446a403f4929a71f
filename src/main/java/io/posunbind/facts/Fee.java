package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * A fee the merchant pays. A fee of 0.00 is not listed in the answer.
 *
 * @param code        the policy's fee code, e.g. ACCOUNT_CLOSURE
 * @param amount      CNY, 2 decimals
 * @param description a sentence for the merchant
 */
public record Fee(String code, BigDecimal amount, String description) {

    /** A fee written with its amount as text in a rule file: {@code new Fee("ACCOUNT_CLOSURE", "50.00", "...")}. */
    public Fee(String code, String amount, String description) {
        this(code, new BigDecimal(amount), description);
    }
}
