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

import io.posunbind.storage.DurableWrite;
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

    /** Appends the activation (its id is the database's) and answers it as stored. */
    Activation append(String version, Instant at, String by, String instanceId, String reason)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_activation (version, "
                     + "activated_at, activated_by, instance_id, reason) VALUES (?, ?, ?, ?, ?)",
                     new String[] {"activation_id"})) {
            insert.setString(1, version);
            insert.setObject(2, Sql.utc(at));
            insert.setString(3, by);
            insert.setString(4, instanceId);
            insert.setString(5, reason);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                DurableWrite.committed(c);
                return new Activation(id, version, at, by, instanceId, reason);
            }
        }
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
