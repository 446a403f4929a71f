package io.posunbind.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.posunbind.storage.DurableWrite;
import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/** The simulation_report table: each backtest's progress and, once done, its report (JSON). */
@Table("simulation_report")
class SimulationReports {
    /** A row: the report is JSON, null until done. */
    record Row(String id, String version, String baseline, String status, int processed, Integer total,
               Instant startedAt, Instant finishedAt, String error, String report) {
    }

    private final DataSource dataSource;

    SimulationReports(Database database) {
        this.dataSource = database.dataSource();
    }

    void start(String id, String version, String baseline, Instant at, String instanceId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO simulation_report (simulation_id, version, "
                     + "baseline, status, processed, started_at, instance_id) VALUES (?, ?, ?, 'RUNNING', 0, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, version);
            insert.setString(3, baseline);
            insert.setObject(4, Sql.utc(at));
            insert.setString(5, instanceId);
            insert.executeUpdate();
        }
    }

    void progress(String id, int processed, Integer total) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE simulation_report SET processed = ?, total = ? "
                     + "WHERE simulation_id = ?")) {
            update.setInt(1, processed);
            if (total == null) {
                update.setNull(2, java.sql.Types.INTEGER);
            } else {
                update.setInt(2, total);
            }
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    void finish(String id, String status, int processed, Instant at, String error, String report)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE simulation_report SET status = ?, processed = ?, "
                     + "finished_at = ?, error = ?, report = ? WHERE simulation_id = ?")) {
            update.setString(1, status);
            update.setInt(2, processed);
            update.setObject(3, Sql.utc(at));
            update.setString(4, error);
            update.setString(5, report);
            update.setString(6, id);
            update.executeUpdate();
            DurableWrite.committed(c);
        }
    }

    /** The ids that start with the prefix, oldest first. */
    java.util.List<String> idsStartingWith(String prefix) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT simulation_id FROM simulation_report WHERE "
                     + "simulation_id LIKE ? ORDER BY started_at, simulation_id")) {
            q.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
            java.util.List<String> ids = new java.util.ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    Optional<Row> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT simulation_id, version, baseline, status, processed, "
                     + "total, started_at, finished_at, error, report FROM simulation_report WHERE simulation_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int total = rs.getInt("total");
                Integer totalOrNull = rs.wasNull() ? null : total;
                return Optional.of(new Row(rs.getString("simulation_id"), rs.getString("version"),
                        rs.getString("baseline"), rs.getString("status"), rs.getInt("processed"), totalOrNull,
                        Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), rs.getString("error"),
                        rs.getString("report")));
            }
        }
    }
}
