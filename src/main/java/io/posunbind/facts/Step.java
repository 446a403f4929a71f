package io.posunbind.facts;

/**
 * Something that must be done to complete the unbind. Listed by order; a code appears once.
 *
 * @param order       position in the list
 * @param code        the policy's step code, e.g. CONTACT_PROVIDER
 * @param description a sentence for the merchant
 */
public record Step(int order, String code, String description) {
}
