package io.posunbind.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.ruleset.RuleFiles;

/**
 * Rule-set versions, their files and their activations in the audit store, for the lifecycle. A database failure
 * becomes {@link AuditStoreUnavailableException} (503).
 */
@ApplicationScoped
public class RuleSetStore {
    private final RuleSetSnapshots snapshots;
    private final RuleSetVersions versions;
    private final RuleSetActivations activations;

    public RuleSetStore(RuleSetSnapshots snapshots, RuleSetVersions versions, RuleSetActivations activations) {
        this.snapshots = snapshots;
        this.versions = versions;
        this.activations = activations;
    }

    /**
     * Stores the files and the version's row unless stored already (the first row stays: versions are immutable).
     *
     * @return the version as stored
     */
    public StoredVersion store(RuleFiles files, StoredVersion version) {
        return StoreReads.read(() -> {
            snapshots.storeIfAbsent(files, version.createdAt());
            versions.storeIfAbsent(version);
            return versions.find(version.version()).orElseThrow();
        });
    }

    public Optional<StoredVersion> find(String version) {
        return StoreReads.read(() -> versions.find(version));
    }

    /** Every stored version, newest first. */
    public List<StoredVersion> list() {
        return StoreReads.read(versions::list);
    }

    /** The stored files of a version: 404 when none are stored, 409 when they no longer hash to it. */
    public RuleFiles files(String version) {
        RuleSetSnapshot snapshot = StoreReads.read(() -> snapshots.find(version))
                .orElseThrow(() -> new RecordNotFoundException("No rule-set version " + version + " is stored"));
        if (!snapshot.intact()) {
            throw new SnapshotIntegrityException(version);
        }
        return snapshot.content();
    }

    /** Records that the version is now the active one. */
    public Activation activate(String version, Instant at, String by, String instanceId, String reason) {
        return StoreReads.read(() -> activations.append(version, at, by, instanceId, reason));
    }

    /** The latest activation, which names the version every instance decides with. */
    public Optional<Activation> latestActivation() {
        return StoreReads.read(activations::latest);
    }

    /** True when the version was ever activated. */
    public boolean everActivated(String version) {
        return StoreReads.read(() -> activations.everActivated(version));
    }
}
