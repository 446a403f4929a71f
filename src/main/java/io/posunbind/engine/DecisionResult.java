package io.posunbind.engine;

/**
 * A decision as answered: the answer and its exact bytes, written once and reused by the response and the record.
 *
 * @param answer the answer
 * @param json   the answer's canonical JSON bytes
 */
public record DecisionResult(DecisionAnswer answer, byte[] json) {
}
