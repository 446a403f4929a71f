package io.posunbind.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL the tests run against: 127.0.0.1:5432, database {@code test}, user {@code postgres}, trust
 * authentication ({@code UNBIND_TEST_POSTGRES_URL} points elsewhere). Every test run works in a database of its own,
 * {@code unbind_test_<random>}, created fresh and dropped afterwards, so runs never see each other's records.
 */
public final class PostgresTestSupport {
    static final String SERVER = System.getenv().getOrDefault("UNBIND_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = "postgres";
    private static final String ADMIN_DATABASE = "test";

    private PostgresTestSupport() {
    }

    /** True when CI demands the PostgreSQL tests: an unreachable server then fails them instead of skipping. */
    public static boolean required() {
        return "required".equalsIgnoreCase(System.getenv("UNBIND_TEST_POSTGRES"));
    }

    /** Null when the server answers; otherwise why not. */
    public static String unreachable() {
        try (Connection c = admin()) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    public static String url(String database) {
        return SERVER + database;
    }

    /** Creates an empty database with a random name and answers the name. */
    public static String createDatabase() {
        String name = "unbind_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + name);
        return name;
    }

    public static void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Runs one statement on the server's admin database. */
    static void admin(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url(ADMIN_DATABASE) + "?connectTimeout=3", USER, "");
    }
}
