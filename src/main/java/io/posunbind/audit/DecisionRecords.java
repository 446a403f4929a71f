package io.posunbind.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/**
 * The decision_record table, and decision_idempotency that enforces each Idempotency-Key once across instances
 * and months: appends and reads, never an UPDATE or a DELETE (retention's purge is {@link AuditArchives}'). Plain
 * JDBC that runs unchanged on H2 (PostgreSQL mode) and PostgreSQL, partitioned by month there.
 */
@ApplicationScoped
@Table("decision_record")
class DecisionRecords {
    private static final String COLUMNS = "decision_id, writer_id, writer_seq, recorded_at, requested_by, "
            + "idempotency_key, ruleset_version, as_of, case_id, merchant_id, verdict, request_body, answer_body, "
            + "previous_hash, record_hash";

    /** Receives rows one at a time while a query streams; may write them out as they come. */
    @FunctionalInterface
    interface RowHandler {
        void accept(DecisionRecord record) throws Exception;
    }

    private final DataSource dataSource;

    @Inject
    DecisionRecords(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Inserts the records in one transaction: all of them are stored, or none (the exception says why; a unique
     * violation has SQLState 23505 on both databases).
     */
    void appendAll(List<DecisionRecord> records) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO decision_record (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement key = c.prepareStatement("INSERT INTO decision_idempotency (idempotency_key, "
                         + "decision_id, recorded_at) VALUES (?, ?, ?)")) {
                boolean keys = false;
                for (DecisionRecord r : records) {
                    bind(insert, r);
                    insert.addBatch();
                    if (r.idempotencyKey() != null) {
                        key.setString(1, r.idempotencyKey());
                        key.setString(2, r.decisionId());
                        key.setObject(3, Sql.utc(r.recordedAt()));
                        key.addBatch();
                        keys = true;
                    }
                }
                if (keys) {
                    // first: a key used before is the likely failure, and it fails before the records are sent
                    key.executeBatch();
                }
                insert.executeBatch();
                c.commit();
                DurableWrite.committed(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    Optional<DecisionRecord> find(String decisionId) throws SQLException {
        return findOne("decision_id", decisionId);
    }

    Optional<DecisionRecord> findByIdempotencyKey(String idempotencyKey) throws SQLException {
        return findOne("idempotency_key", idempotencyKey);
    }

    /** The writer's latest record, if it wrote any. */
    Optional<DecisionRecord> lastOfWriter(String writerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_record "
                     + "WHERE writer_id = ? ORDER BY writer_seq DESC LIMIT 1")) {
            q.setString(1, writerId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** One page of summaries, newest first, after the filter's cursor position. */
    List<DecisionSummary> page(DecisionFilter filter) throws SQLException {
        Query query = pageQuery(filter);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(query.sql())) {
            bind(query, q);
            List<DecisionSummary> page = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    DecisionRecord r = read(rs);
                    page.add(new DecisionSummary(r.decisionId(), r.recordedAt(), r.requestedBy(),
                            r.rulesetVersion(), r.asOf(), r.caseId(), r.merchantId(), r.verdict(),
                            RecordIntegrity.of(r)));
                }
            }
            return page;
        }
    }

    /** A statement with its arguments in order. */
    record Query(String sql, List<Object> args) {
    }

    /** Sets the query's arguments on its prepared statement. */
    static void bind(Query query, PreparedStatement q) throws SQLException {
        for (int i = 0; i < query.args().size(); i++) {
            q.setObject(i + 1, query.args().get(i));
        }
    }

    /** The query of one page of the list (its plan is checked by the tests: read off an index, never sorted). */
    Query pageQuery(DecisionFilter filter) {
        // every column: each summary is checked against its record's hash, so an altered row is flagged
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decision_record WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "merchant_id = ?", filter.merchantId());
        condition(sql, args, "case_id = ?", filter.caseId());
        condition(sql, args, "verdict = ?", filter.verdict());
        condition(sql, args, "ruleset_version = ?", filter.rulesetVersion());
        condition(sql, args, "recorded_at >= ?", Sql.utc(filter.from()));
        condition(sql, args, "recorded_at < ?", Sql.utc(filter.to()));
        if (filter.after() != null) {
            OffsetDateTime at = Sql.utc(filter.after().recordedAt());
            sql.append(" AND (recorded_at < ? OR (recorded_at = ? AND decision_id < ?))");
            args.add(at);
            args.add(at);
            args.add(filter.after().decisionId());
        }
        // Newest first. With a merchant, a case or a version asked for, its column leads the order too: the same
        // order, since the column is fixed, but now the one of that column's index (decision_record_merchant_ix,
        // _case_ix, _version_ix), so the database reads the page off the index instead of sorting every record of a
        // large merchant or of a version (H2 does not see that an equality makes the index's order the asked one).
        String leading = filter.merchantId() != null ? "merchant_id DESC, " : filter.caseId() != null
                ? "case_id DESC, " : filter.rulesetVersion() != null ? "ruleset_version DESC, " : "";
        sql.append(" ORDER BY ").append(leading).append("recorded_at DESC, decision_id DESC LIMIT ?");
        args.add(filter.limit());
        return new Query(sql.toString(), args);
    }

    /** The ids of the newest {@code limit} records recorded in [from, to) (either bound may be null), newest first. */
    List<String> newestIds(Instant from, Instant to, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT decision_id FROM decision_record WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "recorded_at >= ?", Sql.utc(from));
        condition(sql, args, "recorded_at < ?", Sql.utc(to));
        sql.append(" ORDER BY recorded_at DESC, decision_id DESC LIMIT ?");
        args.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** Receives a record and its leaf index in the tree (null while it is not a leaf yet). */
    @FunctionalInterface
    interface LeafRowHandler {
        void accept(DecisionRecord record, Long leafIndex) throws Exception;
    }

    /**
     * Streams the records recorded in [from, to) (either bound may be null) with their leaf index, in the export's
     * order: by recording time, then writer and sequence, so each chain's records come in their order.
     */
    void forEachRecorded(Instant from, Instant to, int fetchSize, LeafRowHandler handler) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS.replaceAll("(\\w+)", "d.$1")
                + ", l.leaf_index FROM decision_record d LEFT JOIN audit_leaf l ON l.decision_id = d.decision_id "
                + "WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "d.recorded_at >= ?", Sql.utc(from));
        condition(sql, args, "d.recorded_at < ?", Sql.utc(to));
        sql.append(" ORDER BY d.recorded_at, d.writer_id, d.writer_seq");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                q.setFetchSize(fetchSize);
                for (int i = 0; i < args.size(); i++) {
                    q.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long leaf = rs.getLong("leaf_index");
                        handler.accept(read(rs), rs.wasNull() ? null : leaf);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /** The one record with its leaf index, as {@link #forEachRecorded} hands them over. */
    void forOne(String decisionId, LeafRowHandler handler) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS.replaceAll("(\\w+)", "d.$1")
                     + ", l.leaf_index FROM decision_record d LEFT JOIN audit_leaf l ON l.decision_id = "
                     + "d.decision_id WHERE d.decision_id = ?")) {
            q.setString(1, decisionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long leaf = rs.getLong("leaf_index");
                    handler.accept(read(rs), rs.wasNull() ? null : leaf);
                }
            }
        }
    }

    /** Streams the records the version decided, recorded in [from, to) (either bound may be null). */
    void forEachRecordedBy(String version, Instant from, Instant to, int fetchSize, RowHandler handler)
            throws Exception {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decision_record WHERE ruleset_version = ?");
        List<Object> args = new ArrayList<>();
        args.add(version);
        condition(sql, args, "recorded_at >= ?", Sql.utc(from));
        condition(sql, args, "recorded_at < ?", Sql.utc(to));
        stream(sql.toString(), args, fetchSize, handler);
    }

    /** Streams the newest {@code limit} records recorded in [from, to) (either bound may be null), newest first. */
    void forEachNewest(Instant from, Instant to, int limit, int fetchSize, RowHandler handler) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decision_record WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "recorded_at >= ?", Sql.utc(from));
        condition(sql, args, "recorded_at < ?", Sql.utc(to));
        sql.append(" ORDER BY recorded_at DESC, decision_id DESC LIMIT ").append(limit);
        stream(sql.toString(), args, fetchSize, handler);
    }

    /** Streams every record in chain order: by writer, then by sequence. */
    void forEachInChainOrder(int fetchSize, RowHandler handler) throws Exception {
        stream("SELECT " + COLUMNS + " FROM decision_record ORDER BY writer_id, writer_seq", List.of(), fetchSize,
                handler);
    }

    private void stream(String sql, List<Object> args, int fetchSize, RowHandler handler) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL only streams with a fetch size inside a transaction; otherwise it reads the whole result.
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setFetchSize(fetchSize);
                for (int i = 0; i < args.size(); i++) {
                    q.setObject(i + 1, args.get(i));
                }
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

    private Optional<DecisionRecord> findOne(String column, String value) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_record WHERE "
                     + column + " = ?")) {
            q.setString(1, value);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void condition(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static void bind(PreparedStatement s, DecisionRecord r) throws SQLException {
        s.setString(1, r.decisionId());
        s.setString(2, r.writerId());
        s.setLong(3, r.sequence());
        s.setObject(4, Sql.utc(r.recordedAt()));
        s.setString(5, r.requestedBy());
        s.setString(6, r.idempotencyKey());
        s.setString(7, r.rulesetVersion());
        s.setObject(8, r.asOf());
        s.setString(9, r.caseId());
        s.setString(10, r.merchantId());
        s.setString(11, r.verdict());
        s.setBytes(12, StoredBody.pack(r.requestBody()));
        s.setBytes(13, StoredBody.pack(r.answerBody()));
        s.setString(14, r.previousHash());
        s.setString(15, r.hash());
    }

    private static DecisionRecord read(ResultSet rs) throws SQLException {
        return new DecisionRecord(rs.getString("decision_id"), rs.getString("writer_id"), rs.getLong("writer_seq"),
                Sql.instant(rs, "recorded_at"), rs.getString("requested_by"), rs.getString("idempotency_key"),
                rs.getString("ruleset_version"), rs.getObject("as_of", LocalDate.class), rs.getString("case_id"),
                rs.getString("merchant_id"), rs.getString("verdict"),
                StoredBody.unpack(rs.getBytes("request_body")), StoredBody.unpack(rs.getBytes("answer_body")),
                rs.getString("previous_hash"), rs.getString("record_hash"));
    }
}
