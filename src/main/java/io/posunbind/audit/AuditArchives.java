package io.posunbind.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.storage.DurableWrite;
import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/** The audit_archive and audit_archived_chain tables: every retention purge, and where each chain now starts. */
@ApplicationScoped
@Table("audit_archive")
class AuditArchives {
    /** Where a writer's chain starts after the purges: its last purged record. */
    record ChainStart(String writerId, long lastSequence, String lastHash) {
    }

    private final DataSource dataSource;

    @Inject
    AuditArchives(Database database) {
        this.dataSource = database.dataSource();
    }

    List<ExportFormat.Archive> all() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT archive_id, archived_at, archived_by, recorded_before, "
                     + "purged_count, purged_root, tree_size, signed_note FROM audit_archive ORDER BY archive_id");
             ResultSet rs = q.executeQuery()) {
            List<ExportFormat.Archive> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new ExportFormat.Archive(rs.getLong(1), Sql.instant(rs, "archived_at"), rs.getString(3),
                        Sql.instant(rs, "recorded_before"), rs.getLong(5), rs.getString(6), rs.getLong(7),
                        rs.getString(8)));
            }
            return found;
        }
    }

    /** A writer's chain as one purge left it: the last record of it purged. */
    record ArchivedChain(long archiveId, String writerId, long lastSequence, String lastHash) {
    }

    /** Every purge's chain starts, in archive order. */
    List<ArchivedChain> archivedChains() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT archive_id, writer_id, last_seq, last_hash FROM "
                     + "audit_archived_chain ORDER BY archive_id, writer_id");
             ResultSet rs = q.executeQuery()) {
            List<ArchivedChain> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new ArchivedChain(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
            return found;
        }
    }

    /** Each writer's chain start after every purge so far: the last record of it purged. */
    static Map<String, ChainStart> chainStarts(List<ArchivedChain> chains) {
        Map<String, ChainStart> starts = new HashMap<>();
        for (ArchivedChain a : chains) {
            starts.put(a.writerId(), new ChainStart(a.writerId(), a.lastSequence(), a.lastHash()));
        }
        return starts;
    }

    /**
     * Stores the purge and deletes the records it covers, in one transaction: the archive row, each chain's new
     * start, and the records of each chain up to it. Answers the records deleted.
     */
    long purge(ExportFormat.Archive archive, List<ChainStart> chains) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_archive (archive_id, "
                        + "archived_at, archived_by, recorded_before, purged_count, purged_root, tree_size, "
                        + "signed_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, archive.archiveId());
                    insert.setObject(2, Sql.utc(archive.archivedAt()));
                    insert.setString(3, archive.archivedBy());
                    insert.setObject(4, Sql.utc(archive.recordedBefore()));
                    insert.setLong(5, archive.purgedCount());
                    insert.setString(6, archive.purgedRoot());
                    insert.setLong(7, archive.treeSize());
                    insert.setString(8, archive.signedNote());
                    insert.executeUpdate();
                }
                long deleted = dropMonthsBefore(c, archive.recordedBefore());
                try (PreparedStatement chain = c.prepareStatement("INSERT INTO audit_archived_chain (archive_id, "
                        + "writer_id, last_seq, last_hash) VALUES (?, ?, ?, ?)");
                     PreparedStatement delete = c.prepareStatement("DELETE FROM decision_record WHERE writer_id = ? "
                             + "AND writer_seq <= ?")) {
                    for (ChainStart start : chains) {
                        chain.setLong(1, archive.archiveId());
                        chain.setString(2, start.writerId());
                        chain.setLong(3, start.lastSequence());
                        chain.setString(4, start.lastHash());
                        chain.addBatch();
                        delete.setString(1, start.writerId());
                        delete.setLong(2, start.lastSequence());
                        deleted += delete.executeUpdate();
                    }
                    chain.executeBatch();
                }
                try (PreparedStatement keys = c.prepareStatement("DELETE FROM decision_idempotency WHERE "
                        + "recorded_at < ?")) {
                    keys.setObject(1, Sql.utc(archive.recordedBefore()));
                    keys.executeUpdate();
                }
                if (deleted != archive.purgedCount()) {
                    throw new SQLException("the purge would delete " + deleted + " records, not the "
                            + archive.purgedCount() + " archived: records changed meanwhile; nothing was purged");
                }
                c.commit();
                DurableWrite.committed(c);
                return deleted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * On PostgreSQL, drops the monthly partitions of decision_record that end at or before the cutoff: every record
     * in them is purged, and dropping a month leaves no dead rows behind. Answers the records they held (0 on H2).
     * Inside the purge's transaction, so a purge that fails afterwards brings them back.
     */
    private static long dropMonthsBefore(Connection c, Instant cutoff) throws SQLException {
        if (!DecisionPartitions.partitioned(c)) {
            return 0;
        }
        long dropped = 0;
        for (DecisionPartitions.Partition p : DecisionPartitions.months(c)) {
            if (p.to().isAfter(cutoff)) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + p.table())) {
                    rs.next();
                    dropped += rs.getLong(1);
                }
                s.execute("DROP TABLE " + p.table());
            }
        }
        return dropped;
    }

    /** A writer's records recorded before the cutoff: the last of them, and how many. */
    record ChainPrefix(String writerId, long lastSequence, String lastHash, long count) {
    }

    /** Per writer, the records recorded before the instant that are still stored. */
    List<ChainPrefix> prefixesBefore(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT p.writer_id, p.last_seq, p.n, d.record_hash FROM "
                     + "(SELECT writer_id, MAX(writer_seq) AS last_seq, COUNT(*) AS n FROM decision_record WHERE "
                     + "recorded_at < ? GROUP BY writer_id) p JOIN decision_record d ON d.writer_id = p.writer_id "
                     + "AND d.writer_seq = p.last_seq ORDER BY p.writer_id")) {
            q.setObject(1, Sql.utc(before));
            List<ChainPrefix> found = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new ChainPrefix(rs.getString(1), rs.getLong(2), rs.getString(4), rs.getLong(3)));
                }
            }
            return found;
        }
    }

    /** The leaf hashes of the records recorded before the instant, in leaf order; -1 index marks a record with none. */
    void forEachLeafBefore(Instant before, int fetchSize, AuditLeaves.LeafHandler handler) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(l.leaf_index, -1), d.decision_id, "
                    + "d.writer_id, d.writer_seq, d.record_hash FROM decision_record d LEFT JOIN audit_leaf l ON "
                    + "l.decision_id = d.decision_id WHERE d.recorded_at < ? ORDER BY 1")) {
                q.setFetchSize(fetchSize);
                q.setObject(1, Sql.utc(before));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        handler.accept(new AuditLeaves.Leaf(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getString(5)));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    long nextId() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT MAX(archive_id) FROM audit_archive");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }
}
