package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.posunbind.audit.PostgresTestSupport;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.storage.Storage.Database;

/**
 * The kept compiled rule sets, on H2 and PostgreSQL: a row is answered only while its seal holds under the same
 * secret; an altered, moved or foreign row is deleted and answered as absent, so the files are compiled. At most
 * {@link KeptModels#MAX_ROWS} rows are kept, the least recently used removed first. A second instance on the same
 * database loads what the first compiled.
 */
class KeptModelsTest {
    private static final LocalSecret SECRET = purpose -> ("secret one, " + purpose).getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODEL = "the model's bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;
    private MigratedH2 h2;
    private String postgres;
    private DataSource dataSource;

    private void open(String kind) throws SQLException {
        if (kind.equals("h2")) {
            h2 = new MigratedH2(work.resolve("db"));
            dataSource = h2.dataSource;
            return;
        }
        String unreachable = PostgresTestSupport.unreachable();
        if (!PostgresTestSupport.required()) {
            Assumptions.assumeTrue(unreachable == null, "PostgreSQL is not reachable: " + unreachable);
        }
        postgres = PostgresTestSupport.createDatabase();
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(PostgresTestSupport.url(postgres));
        pg.setUser(PostgresTestSupport.USER);
        Flyway.configure().dataSource(pg).locations("classpath:db/migration", "classpath:db/postgresql").load()
                .migrate();
        dataSource = pg;
    }

    @AfterEach
    void close() throws SQLException {
        if (h2 != null) {
            h2.close();
        }
        if (postgres != null) {
            PostgresTestSupport.dropDatabase(postgres);
        }
    }

    private KeptModels kept(LocalSecret secret, Clock clock) {
        return new KeptModels(new KeptModelRows(new Database("test", dataSource)), true, secret, clock);
    }

    private KeptModels kept() {
        return kept(SECRET, Clock.systemUTC());
    }

    /** The database of that kind, one model kept in it under {@link #key(int) key(1)}, and the store. */
    private KeptModels openWithOneRow(String kind) throws SQLException {
        open(kind);
        KeptModels store = kept();
        store.write(key(1), MODEL);
        return store;
    }

    private static String key(int n) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) n;
        return HexFormat.of().formatHex(bytes);
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private int rows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ruleset_compiled_model")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void whatIsWrittenIsReadBack(String kind) throws SQLException {
        KeptModels store = openWithOneRow(kind);
        store.write(key(1), MODEL);
        assertThat(store.read(key(1))).hasValue(MODEL);
        assertThat(store.read(key(2))).isEmpty();
        assertThat(rows()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAlteredRowIsDeletedAndNotAnswered(String kind) throws SQLException {
        KeptModels store = openWithOneRow(kind);
        byte[] altered = MODEL.clone();
        altered[altered.length - 1] ^= 1;
        sql("UPDATE ruleset_compiled_model SET model = ?", altered);
        assertThat(store.read(key(1))).isEmpty();
        assertThat(rows()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRowMovedUnderAnotherKeyIsNotAnswered(String kind) throws SQLException {
        KeptModels store = openWithOneRow(kind);
        sql("UPDATE ruleset_compiled_model SET model_key = ?", key(2));
        assertThat(store.read(key(2))).as("the seal covers the key").isEmpty();
        assertThat(rows()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRowSealedUnderAnotherSecretIsNotAnswered(String kind) throws SQLException {
        open(kind);
        kept(purpose -> new byte[32], Clock.systemUTC()).write(key(1), MODEL);
        assertThat(kept().read(key(1))).isEmpty();
        assertThat(rows()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void atMostMaxRowsAreKeptTheLeastRecentlyUsedGoFirst(String kind) throws SQLException {
        open(kind);
        Instant start = Instant.parse("2026-12-07T00:00:00Z");
        for (int i = 0; i < KeptModels.MAX_ROWS; i++) {
            kept(SECRET, Clock.fixed(start.plus(Duration.ofMinutes(i)), ZoneOffset.UTC)).write(key(i), MODEL);
        }
        Clock later = Clock.fixed(start.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        assertThat(kept(SECRET, later).read(key(0))).as("reading marks it used").hasValue(MODEL);
        kept(SECRET, later).write(key(200), MODEL);
        assertThat(rows()).isEqualTo(KeptModels.MAX_ROWS);
        assertThat(kept().read(key(0))).isPresent();
        assertThat(kept().read(key(1))).as("the least recently used").isEmpty();
        assertThat(kept().read(key(200))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSecondInstanceLoadsWhatTheFirstCompiledUnlessTurnedOff(String kind) throws SQLException {
        open(kind);
        RuleFiles policy = RuleFiles.readDirectory(Path.of("rules"));
        KeptModels off = new KeptModels(new KeptModelRows(new Database("test", dataSource)), false, SECRET,
                Clock.systemUTC());
        try (CompiledRuleSet first = kept().compiler().compile(policy);
             CompiledRuleSet second = kept().compiler().compile(policy);
             CompiledRuleSet notKept = off.compiler().compile(policy)) {
            assertThat(first.loadedFromStore()).isFalse();
            assertThat(second.loadedFromStore()).isTrue();
            assertThat(notKept.loadedFromStore()).isFalse();
            assertThat(second.rulePackages()).isEqualTo(first.rulePackages());
        }
        assertThat(rows()).isEqualTo(1);
    }
}
