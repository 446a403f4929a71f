package io.posunbind.facts;

import java.util.Map;

/**
 * Something that must be done to complete the unbind. Listed by order; a code appears once. Its description is the
 * text {@code step.<code>} of the rule set's texts, filled in with its params.
 *
 * @param order       position in the list
 * @param code        the policy's step code, e.g. CONTACT_PROVIDER
 * @param description the sentence written in the rule itself, in rule sets that have no texts; else null
 * @param params      the values the text is filled in with, by name
 */
public record Step(int order, String code, String description, Map<String, Object> params) {

    public Step {
        params = TextParams.copy(params);
    }

    /** A step with its description written in the rule. */
    public Step(int order, String code, String description) {
        this(order, code, description, null);
    }

    /** A step described by the text of its code. */
    public static Step of(int order, String code) {
        return new Step(order, code, null, null);
    }

    /** The same step with one more value for its text. */
    public Step with(String name, Object value) {
        return new Step(order, code, description, TextParams.with(params, name, value));
    }
}
