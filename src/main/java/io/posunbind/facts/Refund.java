package io.posunbind.facts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Money the provider pays back to the merchant. A refund of 0.00 is not listed in the answer. Its description is
 * the text {@code refund.<code>} of the rule set's texts, filled in with its params.
 *
 * @param code        the policy's refund code, e.g. DEPOSIT_REFUND
 * @param amount      CNY, 2 decimals
 * @param description the sentence written in the rule itself, in rule sets that have no texts; else null
 * @param params      the values the text is filled in with, by name
 */
public record Refund(String code, BigDecimal amount, String description, Map<String, Object> params) {

    public Refund {
        params = TextParams.copy(params);
    }

    /** A refund with its description written in the rule. */
    public Refund(String code, BigDecimal amount, String description) {
        this(code, amount, description, null);
    }

    /** A refund described by the text of its code. */
    public static Refund of(String code, BigDecimal amount) {
        return new Refund(code, amount, null, null);
    }

    /** The same refund with one more value for its text. */
    public Refund with(String name, Object value) {
        return new Refund(code, amount, description, TextParams.with(params, name, value));
    }
}
