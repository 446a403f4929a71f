package io.posunbind.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.config.UnbindConfig;
import io.posunbind.ruleset.GovernanceCheck;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.storage.StoreUnavailableException;

/**
 * Walks every writer's hash chain and every rule-set snapshot. Streams the log, so it checks a store of any size;
 * it reads, never writes.
 */
@ApplicationScoped
public class ChainVerifier {
    private final DecisionRecords records;
    private final RuleSetStore ruleSets;
    private final int fetchSize;
    private final int maxBreaks;

    @Inject
    ChainVerifier(DecisionRecords records, RuleSetStore ruleSets, UnbindConfig config) {
        this(records, ruleSets, config.storage().fetchSize(), config.audit().verifyMaxBreaks());
    }

    ChainVerifier(DecisionRecords records, RuleSetStore ruleSets, int fetchSize) {
        this(records, ruleSets, fetchSize, 100);
    }

    ChainVerifier(DecisionRecords records, RuleSetStore ruleSets, int fetchSize, int maxBreaks) {
        this.records = records;
        this.ruleSets = ruleSets;
        this.fetchSize = fetchSize;
        this.maxBreaks = maxBreaks;
    }

    public Verification verify() {
        ChainWalk walk = new ChainWalk(maxBreaks);
        RuleSetStore.SnapshotCheck snapshots;
        GovernanceCheck governance;
        try {
            records.forEachInChainOrder(fetchSize, walk::accept);
            snapshots = ruleSets.checkSnapshots();
            governance = ruleSets.checkGovernance();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException(e);
        }
        List<Verification.SnapshotBreak> snapshotBreaks = snapshots.altered().stream()
                .map(a -> new Verification.SnapshotBreak(a.version(), "the files hash to " + a.hashesTo()
                        + ", not to the version they were stored under: they were altered after they were stored"))
                .toList();
        return new Verification(walk.checked(), walk.breakCount() == 0 && snapshotBreaks.isEmpty()
                && governance.breaks().isEmpty(), walk.firstBreak(), walk.breakCount(), walk.breaks(), walk.heads(),
                snapshots.checked(), snapshotBreaks, governance.eventsChecked(), governance.breaks());
    }
}
