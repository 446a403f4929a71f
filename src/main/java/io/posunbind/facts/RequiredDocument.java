package io.posunbind.facts;

/**
 * A document the case needs. Document rules insert these; one rule turns each one not provided into a
 * MISSING_DOCUMENT finding.
 *
 * @param type the document needed
 */
public record RequiredDocument(DocumentType type) {
}
