package io.posunbind.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/**
 * The ruleset_version table: versions stored for activation. Append-only: a version once stored never changes, and
 * storing it again (another instance, the same upload twice) keeps the first row.
 */
@Table("ruleset_version")
class RuleSetVersions {
    private static final String SELECT = "SELECT v.version, v.created_at, v.source, v.created_by, v.label, "
            + "v.file_count, v.validation, a.activated_at, a.activated_by FROM ruleset_version v "
            + "LEFT JOIN ruleset_activation a ON a.activation_id = (SELECT MAX(l.activation_id) "
            + "FROM ruleset_activation l WHERE l.version = v.version)";

    private final DataSource dataSource;

    RuleSetVersions(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Inserts the version's row on the connection, inside the caller's transaction; its files must be stored first
     * (ruleset_snapshot).
     *
     * @throws SQLException a unique violation when the version is stored already
     */
    static void insert(Connection c, StoredVersion version) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_version (version, created_at, "
                + "source, created_by, label, file_count, validation) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, version.version());
            insert.setObject(2, Sql.utc(version.createdAt()));
            insert.setString(3, version.source());
            insert.setString(4, version.createdBy());
            insert.setString(5, version.label());
            insert.setInt(6, version.fileCount());
            insert.setString(7, version.validation());
            insert.executeUpdate();
        }
    }

    Optional<StoredVersion> find(String version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(SELECT + " WHERE v.version = ?")) {
            q.setString(1, version);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Every stored version, newest first. */
    List<StoredVersion> list() throws SQLException {
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
        return new StoredVersion(rs.getString("version"), Sql.instant(rs, "created_at"), rs.getString("source"),
                rs.getString("created_by"), rs.getString("label"), rs.getInt("file_count"),
                rs.getString("validation"), Sql.instant(rs, "activated_at"), rs.getString("activated_by"));
    }
}
