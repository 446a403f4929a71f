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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.tools.Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The H2 database, served over TCP for this test, is shut down under the running service. */
@QuarkusTest
@TestProfile(H2StorageOutageTest.OverTcp.class)
class H2StorageOutageTest extends StorageOutageContract {

    @Override
    void cutTheDatabase() throws SQLException {
        Server.shutdownTcpServer("tcp://127.0.0.1:" + setting("port"), setting("password"), true, false);
    }

    @Override
    long recordsOfCase(String caseId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + setting("directory") + "/unbind", "unbind",
                "");
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM decision_record WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String setting(String name) {
        return ConfigProvider.getConfig().getValue("outage-test.h2-" + name, String.class);
    }

    /** The service's H2 reached over TCP, through a server this test can shut down. */
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
                String password = UUID.randomUUID().toString();
                int port;
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-tcpPassword", password,
                        "-ifNotExists", "-baseDir", directory.toString()).start();
                return Map.of("quarkus.datasource.\"h2\".jdbc.url", "jdbc:h2:tcp://127.0.0.1:" + port
                                + "/unbind;MODE=PostgreSQL;WRITE_DELAY=0",
                        "outage-test.h2-port", Integer.toString(port),
                        "outage-test.h2-password", password,
                        "outage-test.h2-directory", directory.toString());
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
