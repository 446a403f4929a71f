package io.posunbind.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.storage.DurableWrite;
import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/** The audit_checkpoint table: the signed tree heads, one per tree size. Appends only. */
@ApplicationScoped
@Table("audit_checkpoint")
class AuditCheckpoints {
    /** A checkpoint as stored: the signed note and, for reading at a glance, its size and root. */
    record Stored(long size, String rootHex, String note, Instant madeAt, String madeBy) {
    }

    private static final String COLUMNS = "tree_size, root_hash, signed_note, made_at, made_by";

    private final DataSource dataSource;

    @Inject
    AuditCheckpoints(Database database) {
        this.dataSource = database.dataSource();
    }

    /** Stores the checkpoint; false when one of that size is stored already (another instance signed it). */
    boolean add(Stored checkpoint) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO audit_checkpoint (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.size());
            insert.setString(2, checkpoint.rootHex());
            insert.setString(3, checkpoint.note());
            insert.setObject(4, Sql.utc(checkpoint.madeAt()));
            insert.setString(5, checkpoint.madeBy());
            insert.executeUpdate();
            DurableWrite.committed(c);
            return true;
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    Optional<Stored> latest() throws SQLException {
        return one("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1", null);
    }

    Optional<Stored> ofSize(long size) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE tree_size = ?", size);
    }

    /** The newest checkpoints first, at most {@code limit}. */
    List<Stored> newest(int limit) throws SQLException {
        return list("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size DESC LIMIT " + limit);
    }

    /** Every checkpoint, smallest tree first. */
    List<Stored> all() throws SQLException {
        return list("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size");
    }

    private Optional<Stored> one(String sql, Long size) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            if (size != null) {
                q.setLong(1, size);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private List<Stored> list(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            List<Stored> found = new ArrayList<>();
            while (rs.next()) {
                found.add(read(rs));
            }
            return found;
        }
    }

    private static Stored read(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "made_at"),
                rs.getString(5));
    }
}
