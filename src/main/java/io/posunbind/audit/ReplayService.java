package io.posunbind.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.ruleset.RuleFiles;
import io.posunbind.ruleset.RuleSetCache;

/**
 * Decides a recorded request again, with its recorded asOf, against the version that decided it, a named version
 * or the active one, and compares the answers ({@link Redecision}). A replay records nothing: the decision log holds decisions, not re-runs.
 */
@ApplicationScoped
public class ReplayService {
    /** The {@code ruleset} value that means the active version. */
    public static final String ACTIVE = "active";

    private final DecisionRecords records;
    private final RuleSetSnapshots snapshots;
    private final RuleSetCache cache;
    private final Supplier<String> activeVersion;
    private final Clock clock;

    @Inject
    public ReplayService(DecisionRecords records, RuleSetSnapshots snapshots, RuleSetCache cache,
                         ActiveRuleSet active, Clock clock) {
        this(records, snapshots, cache, active::version, clock);
    }

    public ReplayService(DecisionRecords records, RuleSetSnapshots snapshots, RuleSetCache cache,
                         Supplier<String> activeVersion, Clock clock) {
        this.records = records;
        this.snapshots = snapshots;
        this.cache = cache;
        this.activeVersion = activeVersion;
        this.clock = clock;
    }

    /**
     * @param ruleset null or blank for the recorded version, {@value #ACTIVE} for the active one, or a version
     */
    public Replay replay(String decisionId, String ruleset) {
        DecisionRecord record = StoreReads.read(() -> records.find(decisionId))
                .orElseThrow(() -> new RecordNotFoundException("No decision " + decisionId + " is recorded"));
        String version = ruleset == null || ruleset.isBlank() ? record.rulesetVersion()
                : ACTIVE.equals(ruleset) ? activeVersion.get() : ruleset;
        try (RuleSetCache.Lease lease = cache.lease(version, () -> stored(version))) {
            Redecision replayed = Redecision.of(record, lease.ruleSet(), clock.instant());
            return new Replay(record.decisionId(), version, record.rulesetVersion(),
                    replayed.differences().isEmpty(), replayed.differences(),
                    new String(record.answerBody(), StandardCharsets.UTF_8),
                    new String(replayed.json(), StandardCharsets.UTF_8));
        }
    }

    /** The stored files of the version, checked against it; 404 when not stored, 409 when altered. */
    RuleFiles stored(String version) {
        RuleSetSnapshot snapshot = StoreReads.read(() -> snapshots.find(version))
                .orElseThrow(() -> new RecordNotFoundException("No rule-set version " + version + " is stored"));
        if (!snapshot.intact()) {
            throw new SnapshotIntegrityException(version);
        }
        return snapshot.content();
    }
}
