package io.posunbind.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.engine.RuleFiles;
import io.posunbind.errors.NotFoundException;
import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;

/**
 * Rule-set versions, their files and their activations in the database: the one way in to the rule-set tables
 * (ruleset_snapshot, ruleset_version, ruleset_activation). A database failure becomes
 * {@link io.posunbind.storage.StoreUnavailableException} (503).
 */
@ApplicationScoped
public class RuleSetStore {
    private final RuleSetSnapshots snapshots;
    private final RuleSetVersions versions;
    private final RuleSetActivations activations;

    @Inject
    public RuleSetStore(Database database) {
        this.snapshots = new RuleSetSnapshots(database);
        this.versions = new RuleSetVersions(database);
        this.activations = new RuleSetActivations(database);
    }

    /**
     * Stores the files and the version's row unless stored already (the first row stays: versions are immutable).
     *
     * @return the version as stored
     */
    public StoredVersion store(RuleFiles files, StoredVersion version) {
        return Sql.call(() -> {
            snapshots.storeIfAbsent(files, version.createdAt());
            versions.storeIfAbsent(version);
            return versions.find(version.version()).orElseThrow();
        });
    }

    public Optional<StoredVersion> find(String version) {
        return Sql.call(() -> versions.find(version));
    }

    /** Every stored version, newest first. */
    public List<StoredVersion> list() {
        return Sql.call(versions::list);
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

    /** Records that the version is now the active one. */
    public Activation activate(String version, Instant at, String by, String instanceId, String reason) {
        return Sql.call(() -> activations.append(version, at, by, instanceId, reason));
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

    /** The outcome of {@link #checkSnapshots()}. */
    public record SnapshotCheck(long checked, List<AlteredSnapshot> altered) {
    }

    /** A snapshot stored under {@code version} whose files now hash to {@code hashesTo}. */
    public record AlteredSnapshot(String version, String hashesTo) {
    }
}
