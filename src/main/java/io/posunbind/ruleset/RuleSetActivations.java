package io.posunbind.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/**
 * The ruleset_activation table: every activation in order, append-only. The latest row is the active version of
 * every instance sharing the database; a rollback is one more row naming an older version.
 */
@Table("ruleset_activation")
class RuleSetActivations {
    private static final String COLUMNS = "activation_id, version, activated_at, activated_by, instance_id, reason";

    private final DataSource dataSource;

    RuleSetActivations(Database database) {
        this.dataSource = database.dataSource();
    }

    /** Inserts the activation on the connection, inside the caller's transaction; answers it with its id. */
    static Activation insert(Connection c, String version, Instant at, String by, String instanceId, String reason,
                             Long scheduleId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_activation (version, "
                + "activated_at, activated_by, instance_id, reason, schedule_id) VALUES (?, ?, ?, ?, ?, ?)",
                new String[] {"activation_id"})) {
            insert.setString(1, version);
            insert.setObject(2, Sql.utc(at));
            insert.setString(3, by);
            insert.setString(4, instanceId);
            insert.setString(5, reason);
            if (scheduleId == null) {
                insert.setNull(6, java.sql.Types.BIGINT);
            } else {
                insert.setLong(6, scheduleId);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Activation(keys.getLong(1), version, at, by, instanceId, reason);
            }
        }
    }

    /** The version of the latest activation, read on the connection; null before the first. */
    static String latestVersion(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT version FROM ruleset_activation "
                + "ORDER BY activation_id DESC LIMIT 1");
             ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Every activation, newest first, at most {@code limit}. */
    List<Activation> history(int limit) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM ruleset_activation ORDER BY activation_id DESC LIMIT " + limit);
    }

    /** Every activation, oldest first. */
    List<Activation> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM ruleset_activation ORDER BY activation_id");
    }

    /** The latest activation: the version that decides. Empty before the first one. */
    Optional<Activation> latest() throws SQLException {
        List<Activation> last = query("SELECT " + COLUMNS + " FROM ruleset_activation "
                + "ORDER BY activation_id DESC LIMIT 1");
        return last.stream().findFirst();
    }

    /** True when the version was ever activated. */
    boolean everActivated(String version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM ruleset_activation WHERE version = ? "
                     + "LIMIT 1")) {
            q.setString(1, version);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<Activation> query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            List<Activation> activations = new ArrayList<>();
            while (rs.next()) {
                activations.add(new Activation(rs.getLong("activation_id"), rs.getString("version"),
                        Sql.instant(rs, "activated_at"), rs.getString("activated_by"),
                        rs.getString("instance_id"), rs.getString("reason")));
            }
            return activations;
        }
    }
}
