package io.posunbind.facts;

import java.util.Map;

/**
 * Something a rule found about the case. Rules insert findings; the service records which rule inserted each one.
 * A rule names the finding by its code ({@code Finding.of("REGULATORY_HOLD", Severity.BLOCKER)}); its message is
 * the text {@code finding.REGULATORY_HOLD} of the rule set's texts, in the language of the answer, filled in with
 * the finding's params.
 *
 * @param code     the policy's finding code, e.g. REGULATORY_HOLD
 * @param severity how serious it is; decides the verdict
 * @param subject  what it is about when a code can occur more than once (the missing document), else null
 * @param message  the sentence written in the rule itself, in rule sets that have no texts; else null
 * @param params   the values the text is filled in with, by name
 */
public record Finding(String code, Severity severity, String subject, String message, Map<String, Object> params) {

    public Finding {
        params = TextParams.copy(params);
    }

    /** A finding about the case as a whole, with its message written in the rule. */
    public Finding(String code, Severity severity, String message) {
        this(code, severity, null, message, null);
    }

    /** A finding about one subject, with its message written in the rule. */
    public Finding(String code, Severity severity, String subject, String message) {
        this(code, severity, subject, message, null);
    }

    /** A finding about the case as a whole; its message comes from the texts. */
    public static Finding of(String code, Severity severity) {
        return new Finding(code, severity, null, null, null);
    }

    /** A finding about one subject (the missing document); its message comes from the texts. */
    public static Finding about(String code, Severity severity, String subject) {
        return new Finding(code, severity, subject, null, null);
    }

    /** The same finding with one more value for its text: {@code {name}} in the text is the value. */
    public Finding with(String name, Object value) {
        return new Finding(code, severity, subject, message, TextParams.with(params, name, value));
    }
}
