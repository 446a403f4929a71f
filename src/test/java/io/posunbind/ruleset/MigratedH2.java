package io.posunbind.ruleset;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 file database under a directory, migrated by the service's own migrations, kept open (one connection) until
 * closed so that several lifecycle instances in one test share it: the store of the plain-JUnit lifecycle tests.
 */
final class MigratedH2 implements AutoCloseable {
    final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepOpen;

    MigratedH2(Path directory) throws SQLException {
        dataSource.setURL("jdbc:h2:file:" + directory.toAbsolutePath() + "/unbind;MODE=PostgreSQL");
        dataSource.setUser("unbind");
        keepOpen = dataSource.getConnection();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
    }

    /** Runs one statement (the tests' way of tampering with the store). */
    void sql(String statement) throws SQLException {
        try (Statement s = keepOpen.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        keepOpen.close();
    }
}
