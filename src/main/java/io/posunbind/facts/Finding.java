package io.posunbind.facts;

/**
 * Something a rule found about the case. Rules insert findings; the service records which rule inserted each one.
 *
 * @param code     the policy's finding code, e.g. REGULATORY_HOLD
 * @param severity how serious it is; decides the verdict
 * @param subject  what it is about when a code can occur more than once (the missing document), else null
 * @param message  a sentence for the merchant and the officer
 */
public record Finding(String code, Severity severity, String subject, String message) {

    /** A finding about the case as a whole. */
    public Finding(String code, Severity severity, String message) {
        this(code, severity, null, message);
    }
}
