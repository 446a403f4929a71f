package io.posunbind.errors;

/**
 * One thing wrong with a request.
 *
 * @param path    the JSON path of the offending field, e.g. {@code contract.termMonths}
 * @param message what is wrong with it
 */
public record FieldError(String path, String message) {
}
