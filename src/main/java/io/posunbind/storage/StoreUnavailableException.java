package io.posunbind.storage;

/** The database cannot be read or written right now (it is unreachable or failing). */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(Throwable cause) {
        super("The database is unavailable; retry later", cause);
    }
}
