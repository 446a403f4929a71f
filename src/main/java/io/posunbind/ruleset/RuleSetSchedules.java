package io.posunbind.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/**
 * The ruleset_schedule table: activations scheduled ahead. A row never changes; it is pending until a cancelled
 * event names it or an activation row records that it took effect.
 */
@Table("ruleset_schedule")
class RuleSetSchedules {
    private static final String PENDING = "SELECT s.schedule_id, s.version, s.effective_at, s.scheduled_at, "
            + "s.scheduled_by FROM ruleset_schedule s WHERE NOT EXISTS (SELECT 1 FROM ruleset_event e WHERE "
            + "e.kind = 'cancelled' AND e.ref = s.schedule_id) AND NOT EXISTS (SELECT 1 FROM ruleset_activation a "
            + "WHERE a.schedule_id = s.schedule_id)";

    private final DataSource dataSource;

    RuleSetSchedules(Database database) {
        this.dataSource = database.dataSource();
    }

    /** Inserts a schedule on the connection, inside the caller's transaction; answers its id. */
    static long insert(Connection c, String version, Instant effectiveAt, Instant at, String by) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_schedule (version, effective_at, "
                + "scheduled_at, scheduled_by) VALUES (?, ?, ?, ?)", new String[] {"schedule_id"})) {
            insert.setString(1, version);
            insert.setObject(2, Sql.utc(effectiveAt));
            insert.setObject(3, Sql.utc(at));
            insert.setString(4, by);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The pending schedules, read on the connection, earliest first. */
    static List<Schedule> pending(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(PENDING + " ORDER BY s.effective_at, s.schedule_id")) {
            return read(q);
        }
    }

    /** The pending schedules, earliest first. */
    List<Schedule> pending() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return pending(c);
        }
    }

    private static List<Schedule> read(PreparedStatement q) throws SQLException {
        List<Schedule> schedules = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                schedules.add(new Schedule(rs.getLong("schedule_id"), rs.getString("version"),
                        Sql.instant(rs, "effective_at"), Sql.instant(rs, "scheduled_at"),
                        rs.getString("scheduled_by")));
            }
        }
        return schedules;
    }
}
