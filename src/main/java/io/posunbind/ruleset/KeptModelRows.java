package io.posunbind.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/** The ruleset_compiled_model table: compiled rule sets by key, each with its seal ({@link KeptModels}). */
@Table("ruleset_compiled_model")
class KeptModelRows {
    /** One row's model and seal. */
    record Row(byte[] model, byte[] seal) {
    }

    private final DataSource dataSource;

    KeptModelRows(Database database) {
        this.dataSource = database.dataSource();
    }

    Optional<Row> find(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT model, seal FROM ruleset_compiled_model "
                     + "WHERE model_key = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getBytes("model"), rs.getBytes("seal"))) : Optional.empty();
            }
        }
    }

    /** Stores the row unless one is stored under the key (another instance compiled the same files meanwhile). */
    void storeIfAbsent(String key, Row row, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_compiled_model (model_key, model, "
                     + "seal, stored_at, used_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setBytes(2, row.model());
            insert.setBytes(3, row.seal());
            insert.setObject(4, Sql.utc(at));
            insert.setObject(5, Sql.utc(at));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    void markUsed(String key, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE ruleset_compiled_model SET used_at = ? "
                     + "WHERE model_key = ?")) {
            update.setObject(1, Sql.utc(at));
            update.setString(2, key);
            update.executeUpdate();
        }
    }

    void delete(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM ruleset_compiled_model WHERE model_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }

    /** Deletes all but the {@code keep} most recently used rows. */
    void keepMostRecentlyUsed(int keep) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM ruleset_compiled_model WHERE model_key IN "
                     + "(SELECT model_key FROM ruleset_compiled_model ORDER BY used_at DESC, model_key OFFSET ?)")) {
            delete.setInt(1, keep);
            delete.executeUpdate();
        }
    }
}
