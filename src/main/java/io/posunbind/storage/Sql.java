package io.posunbind.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What every table class needs around JDBC: failures as one exception, timestamps in UTC, unique violations. */
public final class Sql {
    /** SQLState of a unique or primary-key violation, on H2 and PostgreSQL alike. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** A read or write that may throw SQLException. */
    @FunctionalInterface
    public interface Call<T> {
        T get() throws SQLException;
    }

    private Sql() {
    }

    /** Runs the call, turning a database failure into {@link StoreUnavailableException} (answered 503). */
    public static <T> T call(Call<T> call) {
        try {
            return call.get();
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * Readies a connection to stream a long result, and restores it for its pool when closed (close it after the
     * statement). It reads in a transaction, since PostgreSQL streams with a fetch size only inside one, and rolls
     * it back at the end. On H2 it also turns on lazy execution for the stream: otherwise H2 reads the whole result
     * first and copies it to a temporary file beyond a few thousand rows, to read it back row by row. Verify, the
     * backtests, the export and the retention purge read every record this way.
     */
    public static Streaming streaming(Connection connection) throws SQLException {
        boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        connection.setAutoCommit(false);
        if (h2) {
            try (Statement lazy = connection.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
        }
        return new Streaming(connection, h2);
    }

    /** A connection readied by {@link #streaming}; closing it puts the connection back as it was. */
    public static final class Streaming implements AutoCloseable {
        private final Connection connection;
        private final boolean h2;

        private Streaming(Connection connection, boolean h2) {
            this.connection = connection;
            this.h2 = h2;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
                if (h2) {
                    try (Statement eager = connection.createStatement()) {
                        eager.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    }
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** True when the failure, or one it wraps or chains, is a unique violation. */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The instant as a column value, in UTC; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A timestamp column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
