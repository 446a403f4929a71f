package io.posunbind.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.ruleset.StoredVersion;
import io.posunbind.storage.Storage.Database;

/**
 * A fresh audit database for one test, migrated by the service's own Flyway migrations: an H2 file in a temporary
 * directory, or a PostgreSQL database of its own. {@link #restart()} closes it and opens it again from what is
 * stored, as a service restart would.
 */
final class TestDatabase implements AutoCloseable {
    private final Path h2Directory;
    private final String postgresDatabase;
    private DataSource dataSource;
    private Connection keepOpen;

    private TestDatabase(Path h2Directory, String postgresDatabase, String schemaVersion) {
        this.h2Directory = h2Directory;
        this.postgresDatabase = postgresDatabase;
        open(schemaVersion);
    }

    static TestDatabase h2(Path directory) {
        return new TestDatabase(directory, null, null);
    }

    static TestDatabase postgres() {
        return new TestDatabase(null, PostgresTestSupport.createDatabase(), null);
    }

    /** A database migrated only up to that schema version, as an older build left it; {@link #migrate()} goes on. */
    static TestDatabase atSchemaVersion(boolean postgres, Path h2Directory, String version) {
        return postgres ? new TestDatabase(null, PostgresTestSupport.createDatabase(), version)
                : new TestDatabase(h2Directory, null, version);
    }

    /** Applies every migration not applied yet, as a new build does at startup. */
    void migrate() {
        Flyway.configure().dataSource(dataSource).locations(locations()).load().migrate();
    }

    /**
     * PostgreSQL through a connection pool from now on, as the service reaches it (Agroal): without one every
     * statement of a benchmark pays for a new server connection, a few milliseconds. H2 needs none.
     */
    void pooled() {
        if (postgresDatabase == null) {
            return;
        }
        try {
            dataSource = io.agroal.api.AgroalDataSource.from(
                    new io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier()
                            .connectionPoolConfiguration(pool -> pool.maxSize(20)
                                    .connectionFactoryConfiguration(factory -> factory
                                            .jdbcUrl(PostgresTestSupport.url(postgresDatabase))
                                            .principal(new io.agroal.api.security.NamePrincipal(
                                                    PostgresTestSupport.USER)))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The migrations the service runs on this kind of database (application.properties, quarkus.flyway). */
    private String[] locations() {
        return postgresDatabase == null ? new String[] {"classpath:db/migration", "classpath:db/h2"}
                : new String[] {"classpath:db/migration", "classpath:db/postgresql"};
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** True on PostgreSQL, false on H2. */
    boolean isPostgres() {
        return postgresDatabase != null;
    }

    /** The database as the service's table classes take it. */
    Database database() {
        return new Database("test", dataSource);
    }

    DecisionRecords records() {
        return new DecisionRecords(database());
    }

    /** The key the test log signs with: one per database, in a directory of its own. */
    private AuditKey key;

    AuditKey key() {
        if (key == null) {
            try {
                // beside the H2 files, so a store reopened later (the audit benchmark's) keeps its key
                Path directory = h2Directory != null ? h2Directory
                        : java.nio.file.Files.createTempDirectory("audit-key");
                key = new AuditKey(directory.resolve("signing-key"), "posunbind.test/decisions",
                        java.util.List.of());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return key;
    }

    /** The Merkle tree over this database's log, as the service builds it (its background step not started). */
    TransparencyLog log() {
        return new TransparencyLog(new AuditLeaves(database()), new AuditCheckpoints(database()),
                new AuditArchives(database()), key(), java.time.Clock.systemUTC(), "test-instance",
                new TransparencyLog.Settings("posunbind.test/decisions", 1000, java.time.Duration.ofSeconds(10),
                        java.time.Duration.ofMillis(200), java.time.Duration.ofMinutes(10), 50));
    }

    /** Verify as the service runs it: the chains, the snapshots, the governance log and the tree. */
    ChainVerifier verifier(int maxBreaks) {
        return new ChainVerifier(records(), ruleSets(), 50, maxBreaks, new ChainVerifier.TreeTables(
                new AuditLeaves(database()), new AuditCheckpoints(database()), new AuditArchives(database()),
                key().trusted()));
    }

    RuleSetStore ruleSets() {
        return new RuleSetStore(database());
    }

    /** Stores the rule set as a version, as the service does before a version may decide. */
    void store(CompiledRuleSet ruleSet) {
        ruleSets().store(ruleSet.files(), StoredVersion.of(ruleSet.version(), Instant.now(), StoredVersion.UPLOAD,
                "test", null, ruleSet.files().files().size(), "{\"valid\":true,\"scenariosPassed\":0,"
                + "\"scenariosFailed\":0,\"warnings\":[]}"));
    }

    /** Runs one statement (the tests' way of tampering with the store) and answers the rows it changed. */
    int update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Closes the database (H2: shut down, files closed) and opens it again from its files. */
    void restart() throws SQLException {
        shutDown();
        open(null);
    }

    @Override
    public void close() throws SQLException {
        shutDown();
        if (postgresDatabase != null) {
            PostgresTestSupport.dropDatabase(postgresDatabase);
        }
    }

    private void open(String schemaVersion) {
        if (h2Directory != null) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + h2Directory.toAbsolutePath() + "/unbind;MODE=PostgreSQL");
            h2.setUser("unbind");
            dataSource = h2;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(PostgresTestSupport.url(postgresDatabase));
            pg.setUser(PostgresTestSupport.USER);
            dataSource = pg;
        }
        try {
            // H2 closes a database with its last connection; one held open keeps it open between statements.
            keepOpen = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        var flyway = Flyway.configure().dataSource(dataSource).locations(locations());
        (schemaVersion == null ? flyway : flyway.target(schemaVersion)).load().migrate();
    }

    private void shutDown() throws SQLException {
        if (dataSource instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new SQLException(e);
            }
        }
        if (h2Directory != null) {
            try (Statement s = keepOpen.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
        keepOpen.close();
    }
}
