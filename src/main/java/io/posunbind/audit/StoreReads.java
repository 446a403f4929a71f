package io.posunbind.audit;

import java.sql.SQLException;

/** Reads from the audit store, turning a database failure into the one exception the API answers 503 for. */
final class StoreReads {

    @FunctionalInterface
    interface SqlRead<T> {
        T get() throws SQLException;
    }

    private StoreReads() {
    }

    static <T> T read(SqlRead<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new AuditStoreUnavailableException(e);
        }
    }
}
