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
    /** The tables of the tree, and the keys its checkpoints are checked with. */
    record TreeTables(AuditLeaves leaves, AuditCheckpoints checkpoints, AuditArchives archives,
                      List<SignedNote.Verifier> trusted) {
    }

    private final DecisionRecords records;
    private final RuleSetStore ruleSets;
    private final int fetchSize;
    private final int maxBreaks;
    private final TreeTables tree;

    @Inject
    ChainVerifier(DecisionRecords records, RuleSetStore ruleSets, UnbindConfig config, AuditLeaves leaves,
                  AuditCheckpoints checkpoints, AuditArchives archives, AuditKey key) {
        this(records, ruleSets, config.storage().fetchSize(), config.audit().verifyMaxBreaks(),
                new TreeTables(leaves, checkpoints, archives, key.trusted()));
    }

    ChainVerifier(DecisionRecords records, RuleSetStore ruleSets, int fetchSize, int maxBreaks, TreeTables tree) {
        this.records = records;
        this.ruleSets = ruleSets;
        this.fetchSize = fetchSize;
        this.maxBreaks = maxBreaks;
        this.tree = tree;
    }

    ChainVerifier(DecisionRecords records, RuleSetStore ruleSets, int fetchSize) {
        this(records, ruleSets, fetchSize, 100);
    }

    ChainVerifier(DecisionRecords records, RuleSetStore ruleSets, int fetchSize, int maxBreaks) {
        this(records, ruleSets, fetchSize, maxBreaks, null);
    }

    public Verification verify() {
        RuleSetStore.SnapshotCheck snapshots;
        GovernanceCheck governance;
        ChainWalk walk;
        TreeVerifier.Result treeResult = null;
        long treeBreaks = 0;
        try {
            List<AuditArchives.ArchivedChain> archived = tree == null ? List.of() : tree.archives().archivedChains();
            walk = new ChainWalk(maxBreaks, AuditArchives.chainStarts(archived));
            records.forEachInChainOrder(fetchSize, walk::accept);
            if (tree != null) {
                TreeVerifier treeWalk = new TreeVerifier(maxBreaks, tree.trusted(), tree.checkpoints().all(),
                        tree.archives().all(), archived);
                tree.leaves().forEachWithRecord(fetchSize, treeWalk::accept);
                treeResult = treeWalk.finish();
                treeBreaks = treeWalk.breakCount();
            }
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
        List<Verification.RecordBreak> breaks = new java.util.ArrayList<>(walk.breaks());
        Verification.Tree treeCheck = null;
        if (treeResult != null) {
            treeResult.recordBreaks().stream().limit(Math.max(0, maxBreaks - breaks.size())).forEach(breaks::add);
            long withRecord = treeResult.leavesChecked() - treeResult.purged()
                    - treeResult.recordBreaks().stream().filter(b -> b.kind().equals(ChainWalk.DELETED)).count();
            treeCheck = new Verification.Tree(treeResult.leavesChecked(), treeResult.treeSize(),
                    treeResult.checkpointsChecked(), Math.max(0, walk.checked() - withRecord), treeResult.purged(),
                    treeResult.breaks(), treeResult.archives());
        }
        long breakCount = walk.breakCount() + treeBreaks;
        Verification.Break first = walk.firstBreak();
        if (first == null && !breaks.isEmpty()) {
            Verification.RecordBreak b = breaks.get(0);
            first = new Verification.Break(b.decisionId(), b.writerId(), b.sequence(), b.reason());
        }
        return new Verification(walk.checked(), breakCount == 0 && snapshotBreaks.isEmpty()
                && governance.breaks().isEmpty(), first, breakCount, List.copyOf(breaks), walk.heads(),
                snapshots.checked(), snapshotBreaks, governance.eventsChecked(), governance.breaks(), treeCheck);
    }
}
