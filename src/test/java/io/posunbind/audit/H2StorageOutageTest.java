package io.posunbind.audit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.tools.Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The service's H2 database, served over TCP for this test, stops taking the service: its password changes and its
 * sessions are aborted, so pooled connections break and new ones are refused. Done over TCP as another client, which
 * works whatever class loader the service's H2 classes live in.
 */
@QuarkusTest
@TestProfile(H2StorageOutageTest.OverTcp.class)
class H2StorageOutageTest extends StorageOutageContract {
    private static final String TESTER = "outage_tester";
    private static final String TESTER_PASSWORD = UUID.randomUUID().toString();

    @Override
    void cutTheDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "unbind", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE USER " + TESTER + " PASSWORD '" + TESTER_PASSWORD + "' ADMIN");
            s.execute("ALTER USER unbind SET PASSWORD '" + UUID.randomUUID() + "'");
            s.execute("SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS "
                    + "WHERE SESSION_ID <> SESSION_ID()");
        }
    }

    @Override
    long recordsOfCase(String caseId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), TESTER, TESTER_PASSWORD);
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM decision_record WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("outage-test.h2-url", String.class);
    }

    /** The service's H2 reached over TCP. */
    public static class OverTcp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TcpServer.class));
        }
    }

    public static class TcpServer implements QuarkusTestResourceLifecycleManager {
        private Server server;

        @Override
        public Map<String, String> start() {
            try {
                Path directory = Files.createTempDirectory("unbind-outage");
                int port;
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir",
                        directory.toString()).start();
                String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/unbind;MODE=PostgreSQL";
                return Map.of("quarkus.datasource.\"h2\".jdbc.url", url, "outage-test.h2-url", url);
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start an H2 TCP server for the outage test", e);
            }
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }
}
