package io.posunbind.audit;

/** The decision could not be recorded, so it is not answered: an unrecorded decision never leaves the service. */
public class DecisionNotRecordedException extends RuntimeException {
    public DecisionNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
