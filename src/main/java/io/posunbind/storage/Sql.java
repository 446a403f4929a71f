package io.posunbind.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
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
