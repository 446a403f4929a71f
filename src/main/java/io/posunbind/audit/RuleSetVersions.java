package io.posunbind.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The ruleset_version table: versions stored for activation. Append-only: a version once stored never changes, and
 * storing it again (another instance, the same upload twice) keeps the first row.
 */
public class RuleSetVersions {
    private static final String SELECT = "SELECT v.version, v.created_at, v.source, v.created_by, v.label, "
            + "v.file_count, v.validation, (SELECT MAX(a.activated_at) FROM ruleset_activation a "
            + "WHERE a.version = v.version) AS activated_at FROM ruleset_version v";

    private final DataSource dataSource;

    public RuleSetVersions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the version unless it is stored already; its files must be stored first (ruleset_snapshot).
     *
     * @return true when this call stored it
     */
    public boolean storeIfAbsent(StoredVersion version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_version (version, created_at, "
                     + "source, created_by, label, file_count, validation) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, version.version());
            insert.setObject(2, version.createdAt().atOffset(ZoneOffset.UTC));
            insert.setString(3, version.source());
            insert.setString(4, version.createdBy());
            insert.setString(5, version.label());
            insert.setInt(6, version.fileCount());
            insert.setString(7, version.validation());
            insert.executeUpdate();
            DurableWrite.committed(c);
            return true;
        } catch (SQLException e) {
            if (RuleSetSnapshots.UNIQUE_VIOLATION.equals(e.getSQLState()) && find(version.version()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    public Optional<StoredVersion> find(String version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(SELECT + " WHERE v.version = ?")) {
            q.setString(1, version);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Every stored version, newest first. */
    public List<StoredVersion> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(SELECT + " ORDER BY v.created_at DESC, v.version");
             ResultSet rs = q.executeQuery()) {
            List<StoredVersion> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(read(rs));
            }
            return versions;
        }
    }

    private static StoredVersion read(ResultSet rs) throws SQLException {
        return new StoredVersion(rs.getString("version"), instant(rs, "created_at"), rs.getString("source"),
                rs.getString("created_by"), rs.getString("label"), rs.getInt("file_count"),
                rs.getString("validation"), instant(rs, "activated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
