package io.posunbind.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/**
 * The audit_leaf table: the leaves of the Merkle tree, numbered in one order over all writers. Appends only.
 * Instances sharing a database number their leaves without a lock: each takes the next index after the largest
 * one and the primary key lets one of two racing appends win; the other tries again after it.
 */
@ApplicationScoped
@Table("audit_leaf")
class AuditLeaves {
    /** What a leaf is made of: the record it stands for and its hash. */
    record Content(String decisionId, String writerId, long sequence, String recordHash) {
        static Content of(DecisionRecord r) {
            return new Content(r.decisionId(), r.writerId(), r.sequence(), r.hash());
        }
    }

    /** A leaf at its place in the tree. */
    record Leaf(long index, String decisionId, String writerId, long sequence, String recordHash) {
    }

    @FunctionalInterface
    interface LeafHandler {
        void accept(Leaf leaf) throws Exception;
    }

    private static final int ATTEMPTS = 20;

    private final DataSource dataSource;

    @Inject
    AuditLeaves(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Appends the records as the next leaves, in the order given, in one transaction; records already in the tree
     * (another instance took them first) are left out. Answers the leaves appended.
     */
    List<Leaf> append(List<Content> content) throws SQLException {
        List<Content> left = new ArrayList<>(content);
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS && !left.isEmpty(); attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (attempt > 0) {
                        // only after a unique violation: some of them may be leaves already (another instance's
                        // sweep took them first). Asking first on every append made it a query per hundred leaves
                        // that PostgreSQL answered by scanning the table, with a plan cached while it was empty.
                        left.removeIf(present(c, left)::contains);
                    }
                    if (left.isEmpty()) {
                        c.rollback();
                        return List.of();
                    }
                    long next = size(c);
                    List<Leaf> leaves = new ArrayList<>(left.size());
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_leaf (leaf_index, "
                            + "decision_id, writer_id, writer_seq, record_hash) VALUES (?, ?, ?, ?, ?)")) {
                        for (Content l : left) {
                            Leaf leaf = new Leaf(next++, l.decisionId(), l.writerId(), l.sequence(), l.recordHash());
                            insert.setLong(1, leaf.index());
                            insert.setString(2, leaf.decisionId());
                            insert.setString(3, leaf.writerId());
                            insert.setLong(4, leaf.sequence());
                            insert.setString(5, leaf.recordHash());
                            insert.addBatch();
                            leaves.add(leaf);
                        }
                        insert.executeBatch();
                    }
                    c.commit();
                    return leaves;
                } catch (SQLException e) {
                    c.rollback();
                    if (!Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                    last = e; // another instance appended at the same index, or the same record: try again
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
        if (left.isEmpty()) {
            return List.of();
        }
        throw new SQLException("the leaves could not be appended after " + ATTEMPTS + " attempts", last);
    }

    private static Set<Content> present(Connection c, List<Content> content) throws SQLException {
        Set<String> present = new HashSet<>();
        for (int from = 0; from < content.size(); from += 100) {
            List<Content> part = content.subList(from, Math.min(content.size(), from + 100));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement q = c.prepareStatement("SELECT decision_id FROM audit_leaf WHERE decision_id IN ("
                    + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    q.setString(i + 1, part.get(i).decisionId());
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
            }
        }
        Set<Content> found = new HashSet<>();
        for (Content l : content) {
            if (present.contains(l.decisionId())) {
                found.add(l);
            }
        }
        return found;
    }

    /** The number of leaves: the largest index plus one. */
    long size() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return size(c);
        }
    }

    private static long size(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT MAX(leaf_index) FROM audit_leaf");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? 0 : max + 1;
        }
    }

    /**
     * Recorded decisions that are not leaves yet, recorded before the instant, oldest first: records whose
     * instance stopped before it sequenced them, or written before the tree existed.
     */
    List<Content> unsequenced(Instant before, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT d.decision_id, d.writer_id, d.writer_seq, "
                     + "d.record_hash FROM decision_record d WHERE d.recorded_at < ? AND NOT EXISTS (SELECT 1 FROM "
                     + "audit_leaf l WHERE l.decision_id = d.decision_id) ORDER BY d.recorded_at, d.writer_id, "
                     + "d.writer_seq LIMIT ?")) {
            q.setObject(1, Sql.utc(before));
            q.setInt(2, limit);
            List<Content> found = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new Content(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return found;
        }
    }

    Optional<Leaf> ofDecision(String decisionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT leaf_index, decision_id, writer_id, writer_seq, "
                     + "record_hash FROM audit_leaf WHERE decision_id = ?")) {
            q.setString(1, decisionId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The record hashes of leaves [from, to), in index order, as stored (a missing index is simply absent). */
    List<Leaf> range(long from, long to) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT leaf_index, decision_id, writer_id, writer_seq, "
                     + "record_hash FROM audit_leaf WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index")) {
            q.setLong(1, from);
            q.setLong(2, to);
            List<Leaf> leaves = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    leaves.add(read(rs));
                }
            }
            return leaves;
        }
    }

    /** Streams leaves [from, to) in index order. */
    void forEachInIndexOrder(long from, long to, int fetchSize, LeafHandler handler) throws Exception {
        stream("SELECT leaf_index, decision_id, writer_id, writer_seq, record_hash FROM audit_leaf WHERE leaf_index "
                + ">= " + from + " AND leaf_index < " + to + " ORDER BY leaf_index", fetchSize, handler);
    }

    /** Receives a leaf and the hash its record holds now: null when the record is gone. */
    @FunctionalInterface
    interface JoinedHandler {
        void accept(Leaf leaf, String recordHashNow) throws Exception;
    }

    /** Streams every leaf in index order with its record's hash as stored now, for verify. */
    void forEachWithRecord(int fetchSize, JoinedHandler handler) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT l.leaf_index, l.decision_id, l.writer_id, "
                    + "l.writer_seq, l.record_hash, d.record_hash FROM audit_leaf l LEFT JOIN decision_record d ON "
                    + "d.decision_id = l.decision_id ORDER BY l.leaf_index")) {
                q.setFetchSize(fetchSize);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        handler.accept(read(rs), rs.getString(6));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private void stream(String sql, int fetchSize, LeafHandler handler) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setFetchSize(fetchSize);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        handler.accept(read(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static Leaf read(ResultSet rs) throws SQLException {
        return new Leaf(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5));
    }
}
