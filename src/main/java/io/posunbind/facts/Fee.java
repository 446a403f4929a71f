package io.posunbind.facts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A fee the merchant pays. A fee of 0.00 is not listed in the answer. Its description is the text
 * {@code fee.<text>} of the rule set's texts, {@code text} being the code unless the rule chose another
 * ({@code .text("EARLY_TERMINATION_FLAT")}), filled in with the fee's params.
 *
 * @param code        the policy's fee code, e.g. ACCOUNT_CLOSURE
 * @param amount      CNY, 2 decimals
 * @param description the sentence written in the rule itself, in rule sets that have no texts; else null
 * @param text        which text describes it: the code, or another key the rule names
 * @param params      the values the text is filled in with, by name
 */
public record Fee(String code, BigDecimal amount, String description, String text, Map<String, Object> params) {

    public Fee {
        text = text == null ? code : text;
        params = TextParams.copy(params);
    }

    /** A fee with its description written in the rule. */
    public Fee(String code, BigDecimal amount, String description) {
        this(code, amount, description, null, null);
    }

    /** A fee written with its amount as text in a rule file: {@code new Fee("ACCOUNT_CLOSURE", "50.00", "...")}. */
    public Fee(String code, String amount, String description) {
        this(code, new BigDecimal(amount), description);
    }

    /** A fee described by the text of its code. */
    public static Fee of(String code, BigDecimal amount) {
        return new Fee(code, amount, null, null, null);
    }

    /** A fee described by the text of its code, its amount written as text: {@code Fee.of("ACCOUNT_CLOSURE", "50.00")}. */
    public static Fee of(String code, String amount) {
        return of(code, new BigDecimal(amount));
    }

    /** The same fee described by another text: {@code fee.<key>}. */
    public Fee text(String key) {
        return new Fee(code, amount, description, key, params);
    }

    /** The same fee with one more value for its text: {@code {name}} in the text is the value. */
    public Fee with(String name, Object value) {
        return new Fee(code, amount, description, text, TextParams.with(params, name, value));
    }
}
