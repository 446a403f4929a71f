package io.posunbind.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    private static final int BATCH = 256;
    private static final List<DecisionRecord> END = List.of();

    /**
     * Streams the records in chain order on this thread and hands them, in batches and in order, to the walk on a
     * thread of the pool: reading a record from the store and hashing it are the two costs of verify, and so they
     * run at once. A failure on either side ends both and is thrown here.
     */
    private void walkInChainOrder(ChainWalk walk, ExecutorService pool) throws Exception {
        BlockingQueue<List<DecisionRecord>> queue = new ArrayBlockingQueue<>(16);
        Future<?> walker = pool.submit(() -> {
            for (List<DecisionRecord> batch = queue.take(); batch != END; batch = queue.take()) {
                batch.forEach(walk::accept);
            }
            return null;
        });
        var filling = new Object() {
            List<DecisionRecord> batch = new ArrayList<>(BATCH);
        };
        try {
            records.forEachInChainOrder(fetchSize, r -> {
                filling.batch.add(r);
                if (filling.batch.size() == BATCH) {
                    handOver(queue, filling.batch, walker);
                    filling.batch = new ArrayList<>(BATCH);
                }
            });
            if (!filling.batch.isEmpty()) {
                handOver(queue, filling.batch, walker);
            }
            handOver(queue, END, walker);
        } catch (Exception e) {
            walker.cancel(true);
            throw e;
        }
        result(walker);
    }

    private static void handOver(BlockingQueue<List<DecisionRecord>> queue, List<DecisionRecord> batch,
                                 Future<?> walker) throws Exception {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (walker.isDone()) {
                result(walker); // the walk failed: its exception ends the read
                throw new IllegalStateException("the chain walk ended before the records did");
            }
        }
    }

    private static <T> T result(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    public Verification verify() {
        RuleSetStore.SnapshotCheck snapshots;
        GovernanceCheck governance;
        ChainWalk walk;
        TreeVerifier.Result treeResult = null;
        long treeBreaks = 0;
        // Three walks at once, each on a core when there is one: the tree's leaves with their records, the
        // records read from the store, and the records hashed and chained (ChainWalk) as they come.
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<AuditArchives.ArchivedChain> archived = tree == null ? List.of() : tree.archives().archivedChains();
            walk = new ChainWalk(maxBreaks, AuditArchives.chainStarts(archived));
            Future<TreeVerifier> treeWalk = null;
            if (tree != null) {
                TreeVerifier leaves = new TreeVerifier(maxBreaks, tree.trusted(), tree.checkpoints().all(),
                        tree.archives().all(), archived);
                treeWalk = pool.submit(() -> {
                    tree.leaves().forEachWithRecord(fetchSize, leaves::accept);
                    return leaves;
                });
            }
            walkInChainOrder(walk, pool);
            if (treeWalk != null) {
                TreeVerifier leaves = result(treeWalk);
                treeResult = leaves.finish();
                treeBreaks = leaves.breakCount();
            }
            snapshots = ruleSets.checkSnapshots();
            governance = ruleSets.checkGovernance();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException(e);
        } finally {
            pool.shutdownNow();
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
