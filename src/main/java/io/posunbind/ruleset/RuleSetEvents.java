package io.posunbind.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import io.posunbind.storage.DurableWrite;
import io.posunbind.storage.Sql;
import io.posunbind.storage.SqlWork;
import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;

/**
 * The ruleset_event table: the governance log, append-only and hash-chained, and the writes that go with an event
 * (a version's row, an activation's row, a schedule's row), each in one transaction with it. Instances sharing the
 * database append to one chain: an event takes the next sequence number, and when another instance took it first
 * (a unique violation on the event's key) the transaction is run again on top of that one.
 */
@Table("ruleset_event")
class RuleSetEvents {
    static final String COLUMNS = "event_seq, kind, version, from_version, effective_at, event_at, actor, comment, "
            + "ref, detail, previous_hash, event_hash";
    /** Appends racing with another instance's are tried again on top of it, at most this often. */
    private static final int APPEND_ATTEMPTS = 50;

    private final DataSource dataSource;

    RuleSetEvents(Database database) {
        this.dataSource = database.dataSource();
    }

    /**
     * Stores the version's row with its stored event.
     *
     * @return false when the version was stored already (by another instance at the same moment): its row stays
     */
    boolean storeVersion(StoredVersion version, String detail) throws SQLException {
        try {
            inTransaction(c -> {
                RuleSetVersions.insert(c, version);
                append(c, new RuleSetEvent.Draft(RuleSetEvent.STORED, version.version(), null, null,
                        version.createdAt(), version.createdBy(), version.label(), null, detail));
                return null;
            });
            return true;
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Inserts the activation's row with its activated event, naming the version it replaced. */
    Activation activate(String version, Instant at, String by, String instanceId, String reason, String comment,
                        Long scheduleId) throws SQLException {
        return inTransaction(c -> {
            String from = RuleSetActivations.latestVersion(c);
            Activation activation = RuleSetActivations.insert(c, version, at, by, instanceId, reason, scheduleId);
            append(c, new RuleSetEvent.Draft(RuleSetEvent.ACTIVATED, version, from, null, at, by, comment,
                    activation.id(), null));
            return activation;
        });
    }

    /**
     * Schedules the version's activation with its scheduled event, unless another pending schedule takes effect at
     * the same instant.
     *
     * @return the schedule, or null when the instant is taken
     */
    Schedule schedule(String version, Instant effectiveAt, Instant at, String by, String comment)
            throws SQLException {
        return inTransaction(c -> {
            if (RuleSetSchedules.pending(c).stream().anyMatch(s -> s.effectiveAt().equals(effectiveAt))) {
                return null;
            }
            long id = RuleSetSchedules.insert(c, version, effectiveAt, at, by);
            append(c, new RuleSetEvent.Draft(RuleSetEvent.SCHEDULED, version, null, effectiveAt, at, by, comment, id,
                    null));
            return new Schedule(id, version, effectiveAt, at, by);
        });
    }

    /**
     * Cancels a pending schedule with its cancelled event.
     *
     * @return the schedule cancelled, or null when no such schedule is pending
     */
    Schedule cancel(long scheduleId, Instant at, String by, String comment) throws SQLException {
        return inTransaction(c -> {
            Schedule pending = RuleSetSchedules.pending(c).stream().filter(s -> s.id() == scheduleId).findFirst()
                    .orElse(null);
            if (pending != null) {
                append(c, new RuleSetEvent.Draft(RuleSetEvent.CANCELLED, pending.version(), null,
                        pending.effectiveAt(), at, by, comment, scheduleId, null));
            }
            return pending;
        });
    }

    /**
     * Records that a schedule took effect: its activation row (activated at the scheduled instant, by who scheduled
     * it) and its activated event.
     *
     * @return the activation, or null when another instance recorded it first
     */
    Activation activateScheduled(Schedule schedule, String instanceId) throws SQLException {
        try {
            return activate(schedule.version(), schedule.effectiveAt(), schedule.scheduledBy(), instanceId,
                    "schedule", "scheduled at " + schedule.scheduledAt() + " to take effect at "
                            + schedule.effectiveAt(), schedule.id());
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)
                    && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("schedule")) {
                return null;
            }
            throw e;
        }
    }

    /** Appends one event. */
    RuleSetEvent record(RuleSetEvent.Draft draft) throws SQLException {
        return inTransaction(c -> append(c, draft));
    }

    /**
     * Records the versions and activations of a store from before the log existed, in their order, unless the log
     * has an event already.
     *
     * @return how many events it recorded
     */
    int recordEarlierHistory(List<StoredVersion> versions, List<Activation> activations, String note,
                             Function<StoredVersion, String> detail) throws SQLException {
        return inTransaction(c -> {
            if (!latest(c, null, 1).isEmpty()) {
                return 0;
            }
            int recorded = 0;
            for (StoredVersion v : versions) {
                append(c, new RuleSetEvent.Draft(RuleSetEvent.STORED, v.version(), null, null, v.createdAt(),
                        v.createdBy(), note, null, detail.apply(v)));
                recorded++;
            }
            String previous = null;
            for (Activation a : activations) {
                append(c, new RuleSetEvent.Draft(RuleSetEvent.ACTIVATED, a.version(), previous, null,
                        a.activatedAt(), a.activatedBy(), note, a.id(), null));
                previous = a.version();
                recorded++;
            }
            return recorded;
        });
    }

    /** The events of one version, oldest first. */
    List<RuleSetEvent> of(String version) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return of(c, version);
        }
    }

    /** The latest events, newest first; {@code kind} null for every kind. */
    List<RuleSetEvent> latest(String kind, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return latest(c, kind, limit);
        }
    }

    /** Every event, oldest first. */
    void forEach(Consumer<RuleSetEvent> each) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            forEach(c, each);
        }
    }

    /** Runs the work in one transaction; a race with another instance's append runs it again. */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    DurableWrite.committed(c);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    if (e instanceof SQLException sql && attempt < APPEND_ATTEMPTS && isEventRace(sql)) {
                        continue;
                    }
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    /** True when the violated key is the event sequence (another instance appended first), not a version's. */
    private static boolean isEventRace(SQLException e) {
        return Sql.isUniqueViolation(e) && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                .contains("ruleset_event_pk");
    }

    /**
     * Appends the event on the connection, inside the caller's transaction.
     *
     * @throws SQLException a unique violation when another instance appended the same sequence number first: roll
     *                      back and try again
     */
    private static RuleSetEvent append(Connection c, RuleSetEvent.Draft draft) throws SQLException {
        long sequence = 1;
        String previous = RuleSetEvent.GENESIS;
        try (PreparedStatement last = c.prepareStatement("SELECT event_seq, event_hash FROM ruleset_event "
                + "ORDER BY event_seq DESC LIMIT 1");
             ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                sequence = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        RuleSetEvent event = draft.chained(sequence, previous);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ruleset_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, event.sequence());
            insert.setString(2, event.kind());
            insert.setString(3, event.version());
            insert.setString(4, event.fromVersion());
            insert.setObject(5, Sql.utc(event.effectiveAt()));
            insert.setObject(6, Sql.utc(event.at()));
            insert.setString(7, event.by());
            insert.setString(8, event.comment());
            if (event.ref() == null) {
                insert.setNull(9, java.sql.Types.BIGINT);
            } else {
                insert.setLong(9, event.ref());
            }
            insert.setString(10, event.detail());
            insert.setString(11, event.previousHash());
            insert.setString(12, event.hash());
            insert.executeUpdate();
        }
        return event;
    }

    private static List<RuleSetEvent> of(Connection c, String version) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM ruleset_event WHERE version = ? "
                + "ORDER BY event_seq")) {
            q.setString(1, version);
            return read(q);
        }
    }

    private static List<RuleSetEvent> latest(Connection c, String kind, int limit) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM ruleset_event"
                + (kind == null ? "" : " WHERE kind = ?") + " ORDER BY event_seq DESC LIMIT " + limit)) {
            if (kind != null) {
                q.setString(1, kind);
            }
            return read(q);
        }
    }

    private static void forEach(Connection c, Consumer<RuleSetEvent> each) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM ruleset_event "
                + "ORDER BY event_seq");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                each.accept(row(rs));
            }
        }
    }

    private static List<RuleSetEvent> read(PreparedStatement q) throws SQLException {
        List<RuleSetEvent> events = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                events.add(row(rs));
            }
        }
        return events;
    }

    private static RuleSetEvent row(ResultSet rs) throws SQLException {
        long ref = rs.getLong("ref");
        Long refOrNull = rs.wasNull() ? null : ref;
        return new RuleSetEvent(rs.getLong("event_seq"), rs.getString("kind"), rs.getString("version"),
                rs.getString("from_version"), Sql.instant(rs, "effective_at"), Sql.instant(rs, "event_at"),
                rs.getString("actor"), rs.getString("comment"), refOrNull, rs.getString("detail"),
                rs.getString("previous_hash"), rs.getString("event_hash"));
    }
}
