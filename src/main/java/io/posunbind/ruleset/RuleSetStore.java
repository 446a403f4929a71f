package io.posunbind.ruleset;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.posunbind.engine.RuleFiles;
import io.posunbind.errors.NotFoundException;
import io.posunbind.storage.FieldHash;
import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;

/**
 * Rule-set versions, their files and their activations in the database: the one way in to the rule-set tables
 * (ruleset_snapshot, ruleset_version, ruleset_activation). A database failure becomes
 * {@link io.posunbind.storage.StoreUnavailableException} (503).
 */
@ApplicationScoped
public class RuleSetStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleSetEvents events;
    private final RuleSetSchedules schedules;
    private final RuleSetSnapshots snapshots;
    private final RuleSetVersions versions;
    private final RuleSetActivations activations;

    @Inject
    public RuleSetStore(Database database) {
        this.events = new RuleSetEvents(database);
        this.schedules = new RuleSetSchedules(database);
        this.snapshots = new RuleSetSnapshots(database);
        this.versions = new RuleSetVersions(database);
        this.activations = new RuleSetActivations(database);
    }

    /**
     * Stores the files and the version's row unless stored already (the first row stays: versions are immutable),
     * and records the storing in the governance log, in one transaction with the row.
     *
     * @return the version as stored
     */
    public StoredVersion store(RuleFiles files, StoredVersion version) {
        return Sql.call(() -> {
            snapshots.storeIfAbsent(files, version.createdAt());
            if (versions.find(version.version()).isEmpty()) {
                events.storeVersion(version, storedDetail(version));
            }
            return versions.find(version.version()).orElseThrow();
        });
    }

    /** What a stored event holds of its version's row, which verify compares with the row. */
    static String storedDetail(StoredVersion v) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("createdAt", FieldHash.timestamp(v.createdAt()));
        detail.put("source", v.source());
        detail.put("createdBy", v.createdBy());
        detail.put("label", v.label());
        detail.put("fileCount", v.fileCount());
        detail.put("validation", v.validation());
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends one event to the governance log. */
    public RuleSetEvent record(RuleSetEvent.Draft event) {
        return Sql.call(() -> events.record(event));
    }

    /** The version's events, oldest first. */
    public List<RuleSetEvent> events(String version) {
        return Sql.call(() -> events.of(version));
    }

    /** The latest events of the governance log, newest first; {@code kind} null for all. */
    public List<RuleSetEvent> latestEvents(String kind, int limit) {
        return Sql.call(() -> events.latest(kind, limit));
    }

    /** Every activation, oldest first, for verify. */
    public List<Activation> allActivations() throws SQLException {
        return activations.all();
    }

    /** Every activation, newest first. */
    public List<Activation> activationHistory(int limit) {
        return Sql.call(() -> activations.history(limit));
    }

    /**
     * Records the governance log's first events for a store that has versions and activations from before the log
     * existed: each version stored and each activation, in their order, marked as recorded afterwards. Does nothing
     * once the log has an event.
     *
     * @return how many events it recorded
     */
    public int recordEarlierHistory(Instant now) {
        return Sql.call(() -> {
            List<StoredVersion> stored = new ArrayList<>(versions.list());
            stored.sort(java.util.Comparator.comparing(StoredVersion::createdAt));
            return events.recordEarlierHistory(stored, activations.all(), "recorded at " + FieldHash.timestamp(now)
                    + ", when the governance log was introduced", RuleSetStore::storedDetail);
        });
    }

    public Optional<StoredVersion> find(String version) {
        return Sql.call(() -> versions.find(version));
    }

    /** Every stored version, newest first. */
    public List<StoredVersion> list() {
        return Sql.call(versions::list);
    }

    /** The stored files of a version as they are now, intact or not: 404 when none are stored. */
    RuleSetSnapshot snapshot(String version) {
        return Sql.call(() -> snapshots.find(version))
                .orElseThrow(() -> new NotFoundException("No rule-set version " + version + " is stored"));
    }

    /** The stored files of a version: 404 when none are stored, 409 when they no longer hash to it. */
    public RuleFiles files(String version) {
        RuleSetSnapshot snapshot = Sql.call(() -> snapshots.find(version))
                .orElseThrow(() -> new NotFoundException("No rule-set version " + version + " is stored"));
        if (!snapshot.intact()) {
            throw new SnapshotIntegrityException(version);
        }
        return snapshot.content();
    }

    /**
     * Records that the version is now the active one: its activation row and its event in the governance log, in
     * one transaction.
     */
    public Activation activate(String version, Instant at, String by, String instanceId, String reason,
                               String comment, Long scheduleId) {
        return Sql.call(() -> events.activate(version, FieldHash.storable(at), by, instanceId, reason, comment,
                scheduleId));
    }

    /** Schedules the version's activation; empty when another pending schedule takes effect at that instant. */
    public Optional<Schedule> schedule(String version, Instant effectiveAt, Instant at, String by, String comment) {
        return Sql.call(() -> Optional.ofNullable(events.schedule(version, FieldHash.storable(effectiveAt),
                FieldHash.storable(at), by, comment)));
    }

    /** Cancels a pending schedule; empty when none such is pending. */
    public Optional<Schedule> cancel(long scheduleId, Instant at, String by, String comment) {
        return Sql.call(() -> Optional.ofNullable(events.cancel(scheduleId, FieldHash.storable(at), by, comment)));
    }

    /** Records that the schedule took effect; empty when another instance recorded it first. */
    public Optional<Activation> activateScheduled(Schedule schedule, String instanceId) {
        return Sql.call(() -> Optional.ofNullable(events.activateScheduled(schedule, instanceId)));
    }

    /** The schedules neither cancelled nor taken effect, earliest first. */
    public List<Schedule> pendingSchedules() {
        return Sql.call(schedules::pending);
    }

    /** The latest activation, which names the version every instance decides with. */
    public Optional<Activation> latestActivation() {
        return Sql.call(activations::latest);
    }

    /** True when the version was ever activated. */
    public boolean everActivated(String version) {
        return Sql.call(() -> activations.everActivated(version));
    }

    /**
     * Checks every stored snapshot against the version it is stored under.
     *
     * @return how many were checked, and each one whose files no longer hash to its version
     */
    public SnapshotCheck checkSnapshots() throws Exception {
        long[] checked = {0};
        List<AlteredSnapshot> altered = new ArrayList<>();
        snapshots.forEach(snapshot -> {
            checked[0]++;
            if (!snapshot.intact()) {
                altered.add(new AlteredSnapshot(snapshot.version(), snapshot.content().version()));
            }
        });
        return new SnapshotCheck(checked[0], List.copyOf(altered));
    }

    /** Checks the governance log and the version and activation rows it recorded. */
    public GovernanceCheck checkGovernance() throws SQLException {
        List<RuleSetEvent> log = new ArrayList<>();
        events.forEach(log::add);
        return GovernanceCheck.of(log, versions.list(), activations.all());
    }

    /** The outcome of {@link #checkSnapshots()}. */
    public record SnapshotCheck(long checked, List<AlteredSnapshot> altered) {
    }

    /** A snapshot stored under {@code version} whose files now hash to {@code hashesTo}. */
    public record AlteredSnapshot(String version, String hashesTo) {
    }
}
