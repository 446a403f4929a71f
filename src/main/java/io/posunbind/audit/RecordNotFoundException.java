package io.posunbind.audit;

/** No decision (or rule-set version) is recorded under the id asked for. */
public class RecordNotFoundException extends RuntimeException {
    public RecordNotFoundException(String message) {
        super(message);
    }
}
