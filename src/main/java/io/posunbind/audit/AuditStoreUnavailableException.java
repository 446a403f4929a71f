package io.posunbind.audit;

/** The audit store cannot be read right now (the database is unreachable or failing). */
public class AuditStoreUnavailableException extends RuntimeException {
    public AuditStoreUnavailableException(Throwable cause) {
        super("The audit store is unavailable; retry later", cause);
    }
}
