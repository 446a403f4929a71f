package io.posunbind.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.posunbind.engine.RuleFiles;
import io.posunbind.storage.DurableWrite;
import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/** The ruleset_snapshot table: the full text of every rule-set version that decided, keyed by version. */
@Table("ruleset_snapshot")
class RuleSetSnapshots {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {
    };

    /** Receives stored snapshots one at a time. */
    @FunctionalInterface
    interface SnapshotHandler {
        void accept(RuleSetSnapshot snapshot) throws Exception;
    }

    private final DataSource dataSource;

    RuleSetSnapshots(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Stores the rule set under its version unless that version is stored already. Several instances may store the
     * same version at once: the primary key lets one win and the others find it there.
     *
     * @return true when this call stored it
     */
    boolean storeIfAbsent(RuleFiles ruleSet, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_snapshot (version, files, "
                     + "file_count, stored_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, ruleSet.version());
            insert.setString(2, JSON.writeValueAsString(ruleSet.files()));
            insert.setInt(3, ruleSet.files().size());
            insert.setObject(4, Sql.utc(at));
            insert.executeUpdate();
            DurableWrite.committed(c);
            return true;
        } catch (SQLException e) {
            if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState()) && exists(ruleSet.version())) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<RuleSetSnapshot> find(String version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT version, files, stored_at FROM ruleset_snapshot "
                     + "WHERE version = ?")) {
            q.setString(1, version);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Every stored snapshot, by version. */
    void forEach(SnapshotHandler handler) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT version, files, stored_at FROM ruleset_snapshot "
                     + "ORDER BY version");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                handler.accept(read(rs));
            }
        }
    }

    private boolean exists(String version) throws SQLException {
        return find(version).isPresent();
    }

    private static RuleSetSnapshot read(ResultSet rs) throws SQLException {
        try {
            SortedMap<String, String> files = JSON.readValue(rs.getString("files"), FILES);
            return new RuleSetSnapshot(rs.getString("version"), files,
                    Sql.instant(rs, "stored_at"));
        } catch (IOException e) {
            throw new SQLException("The stored files of rule-set version " + rs.getString("version")
                    + " are not readable JSON", e);
        }
    }
}
