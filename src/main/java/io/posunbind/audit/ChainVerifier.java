package io.posunbind.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.config.UnbindConfig;

/**
 * Walks every writer's hash chain and every rule-set snapshot. Streams the log, so it checks a store of any size;
 * it reads, never writes.
 */
@ApplicationScoped
public class ChainVerifier {
    private final DecisionRecords records;
    private final RuleSetSnapshots snapshots;
    private final int fetchSize;

    @Inject
    public ChainVerifier(DecisionRecords records, RuleSetSnapshots snapshots, UnbindConfig config) {
        this(records, snapshots, config.storage().fetchSize());
    }

    public ChainVerifier(DecisionRecords records, RuleSetSnapshots snapshots, int fetchSize) {
        this.records = records;
        this.snapshots = snapshots;
        this.fetchSize = fetchSize;
    }

    public Verification verify() {
        ChainWalk walk = new ChainWalk();
        List<Verification.SnapshotBreak> snapshotBreaks = new ArrayList<>();
        long[] snapshotsChecked = {0};
        try {
            records.forEachInChainOrder(fetchSize, walk::accept);
            snapshots.forEach(snapshot -> {
                snapshotsChecked[0]++;
                if (!snapshot.intact()) {
                    snapshotBreaks.add(new Verification.SnapshotBreak(snapshot.version(),
                            "the files hash to " + snapshot.content().version() + ", not to the version they "
                                    + "were stored under: they were altered after they were stored"));
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AuditStoreUnavailableException(e);
        }
        return new Verification(walk.checked(), walk.firstBreak() == null && snapshotBreaks.isEmpty(),
                walk.firstBreak(), walk.heads(), snapshotsChecked[0], List.copyOf(snapshotBreaks));
    }
}
