package io.posunbind.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A stream readies its connection (a transaction; lazy execution on H2) and gives it back to the pool as it was. */
class SqlStreamingTest {

    @Test
    void aStreamReadsLazilyOnH2AndLeavesTheConnectionAsItFoundIt() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:streaming;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t AS SELECT x FROM SYSTEM_RANGE(1, 50000)");
            }
            assertThat(lazy(c)).isFalse();
            long rows = 0;
            try (Sql.Streaming streaming = Sql.streaming(c);
                 PreparedStatement q = c.prepareStatement("SELECT x FROM t ORDER BY x")) {
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(lazy(c)).isTrue();
                q.setFetchSize(100);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        assertThat(rs.getLong(1)).isEqualTo(rows);
                    }
                }
            }
            assertThat(rows).isEqualTo(50_000);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(lazy(c)).isFalse();
        }
    }

    /** H2 shows the session's setting nowhere in SQL, so it is read from the session itself. */
    private static boolean lazy(Connection c) throws SQLException {
        return ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
                .isLazyQueryExecution();
    }
}
