package io.posunbind.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The service's PostgreSQL database stops taking connections and its sessions are ended under the running service,
 * as when the database is restarted or failed over. The shared server itself is not stopped.
 */
@QuarkusTest
@TestProfile(PostgresStorageOutageTest.OwnDatabase.class)
@ExtendWith(PostgresCondition.class)
class PostgresStorageOutageTest extends StorageOutageContract {

    /** A profile of its own, so this test's service (and database) is not the one other tests share. */
    public static class OwnDatabase extends PostgresProfile {
    }

    @Override
    void cutTheDatabase() {
        String database = database();
        PostgresTestSupport.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        PostgresTestSupport.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database + "'");
    }

    @Override
    long recordsOfCase(String caseId) throws SQLException {
        PostgresTestSupport.admin("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS true");
        try (Connection c = DriverManager.getConnection(PostgresTestSupport.url(database()),
                PostgresTestSupport.USER, "");
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM decision_record WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            PostgresTestSupport.admin("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS false");
        }
    }

    private static String database() {
        return ConfigProvider.getConfig().getValue("outage-test.postgres-database", String.class);
    }
}
