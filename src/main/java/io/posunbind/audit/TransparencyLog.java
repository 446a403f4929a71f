package io.posunbind.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.posunbind.config.UnbindConfig;
import io.posunbind.errors.NotFoundException;
import io.posunbind.storage.InstanceId;
import io.posunbind.storage.Sql;
import io.posunbind.storage.StoreUnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The decision log as a Merkle tree with signed checkpoints, as Certificate Transparency and the Go checksum
 * database keep theirs. Records become leaves after they are committed, off the decision path: the writer hands
 * over what it committed, and a background step appends it to the tree every {@code sequence-interval}, in one
 * order over all instances ({@link AuditLeaves}). A checkpoint (tree size and root, signed with the key of
 * {@link AuditKey}) is made every {@code checkpoint-every-records} leaves or {@code checkpoint-interval}, and on
 * demand. Records an instance did not get to (it stopped first) are found by a sweep at start and every
 * {@code sweep-interval}. The tree is one over all writers, so one signed head covers the whole log.
 */
@ApplicationScoped
public class TransparencyLog {
    private static final Logger LOG = Logger.getLogger(TransparencyLog.class);
    private static final int SWEEP_BATCH = 10_000;
    /** Records younger than this are left to the instance that wrote them. */
    private static final Duration SWEEP_AGE = Duration.ofMinutes(1);

    /** The settings; see {@code unbind.audit.*}. */
    record Settings(String origin, int checkpointEveryRecords, Duration checkpointInterval,
                    Duration sequenceInterval, Duration sweepInterval, int fetchSize) {
    }

    /** An inclusion proof (RFC 9162 §2.1.3) of a decision against a signed checkpoint. */
    public record Proof(String decisionId, long leafIndex, long treeSize, String recordHash, String leafHash,
                        List<String> auditPath, String rootHash, String checkpoint, String publicKey) {
    }

    /** A consistency proof (RFC 9162 §2.1.4) between two signed checkpoints. */
    public record Consistency(long from, long to, String fromRoot, String toRoot, List<String> proof,
                              String fromCheckpoint, String toCheckpoint, String publicKey) {
    }

    /** A checkpoint as listed. */
    public record CheckpointView(long treeSize, String rootHash, Instant madeAt, String madeBy, String signedNote) {
        static CheckpointView of(AuditCheckpoints.Stored s) {
            return new CheckpointView(s.size(), s.rootHex(), s.madeAt(), s.madeBy(), s.note());
        }
    }

    /** The newest checkpoints, newest first. */
    public record CheckpointList(List<CheckpointView> checkpoints) {
    }

    private final AuditLeaves leaves;
    private final AuditCheckpoints checkpoints;
    private final AuditKey key;
    private final AuditArchives archives;
    private final Clock clock;
    private final String instance;
    private final Settings settings;
    private final TreeCache tree;
    private final ConcurrentLinkedQueue<AuditLeaves.Content> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong signed = new AtomicLong();
    private final AtomicLong sequenced = new AtomicLong();
    private ScheduledExecutorService timer;
    /** Set by the first stop: the shutdown event and the bean's destruction both ask for one. */
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile AuditCheckpoints.Stored latest;
    private Instant lastSweep = Instant.EPOCH;

    @Inject
    TransparencyLog(AuditLeaves leaves, AuditCheckpoints checkpoints, AuditArchives archives, AuditKey key,
                    Clock clock, InstanceId instance, UnbindConfig config, MeterRegistry registry) {
        this(leaves, checkpoints, archives, key, clock, instance.value(), new Settings(config.audit().origin(),
                config.audit().checkpointEveryRecords(), config.audit().checkpointInterval(),
                config.audit().sequenceInterval(), config.audit().sweepInterval(), config.storage().fetchSize()));
        Gauge.builder("unbind.audit.tree.size", tree, TreeCache::size)
                .description("Leaves of the decision log's Merkle tree this instance has read").register(registry);
        Gauge.builder("unbind.audit.tree.pending", pending, ConcurrentLinkedQueue::size)
                .description("Committed records waiting to become leaves").register(registry);
        FunctionCounter.builder("unbind.audit.checkpoints.signed", signed, AtomicLong::get)
                .description("Checkpoints this instance signed").register(registry);
        FunctionCounter.builder("unbind.audit.leaves.appended", sequenced, AtomicLong::get)
                .description("Leaves this instance appended to the tree").register(registry);
    }

    TransparencyLog(AuditLeaves leaves, AuditCheckpoints checkpoints, AuditArchives archives, AuditKey key,
                    Clock clock, String instance, Settings settings) {
        this.leaves = leaves;
        this.archives = archives;
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
        this.instance = instance;
        this.settings = settings;
        this.tree = new TreeCache((from, to) -> {
            List<AuditLeaves.Leaf> found = leaves.range(from, to);
            List<byte[]> hashes = new ArrayList<>(found.size());
            long expected = from;
            for (AuditLeaves.Leaf leaf : found) {
                if (leaf.index() != expected) {
                    throw new IllegalStateException("leaf " + expected + " is missing from the tree's table");
                }
                hashes.add(Merkle.leafHashOfRecord(leaf.recordHash()));
                expected++;
            }
            if (expected != to) {
                throw new IllegalStateException("leaf " + expected + " is missing from the tree's table");
            }
            return hashes;
        });
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-tree");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, settings.sequenceInterval().toMillis());
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Decision log tree %s: a checkpoint every %d records or %s, signed by %s", settings.origin(),
                settings.checkpointEveryRecords(), settings.checkpointInterval(), key.verifier().encoded());
    }

    /**
     * Stops the background steps and sequences what is pending when the service begins to stop, while the
     * connection pool is still open: done at bean destruction, after the pool had closed, a step in flight failed
     * and logged a warning at every stop.
     */
    void stopping(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            sequencePending();
        } catch (Exception e) {
            LOG.debugf("Leaves left to the sweep at the next start: %s", e.getMessage());
        }
    }

    /** The records a writer just committed: they become leaves at the next step. */
    void committed(List<DecisionRecord> records) {
        for (DecisionRecord r : records) {
            pending.add(AuditLeaves.Content.of(r));
        }
    }

    /** One background step: new leaves, the sweep when due, a checkpoint when due. Failures wait for the next. */
    synchronized void tick() {
        try {
            sequencePending();
            Instant now = clock.instant();
            if (Duration.between(lastSweep, now).compareTo(settings.sweepInterval()) >= 0) {
                sweep(now.minus(SWEEP_AGE));
                lastSweep = now;
            }
            checkpoint(false);
        } catch (Exception e) {
            LOG.warnf("The decision log's tree step failed, it is tried again: %s", e.getMessage());
        }
    }

    /** Sequences what is pending and every record not yet a leaf, then signs a checkpoint of the whole tree. */
    public synchronized CheckpointView checkpointNow() {
        return Sql.call(() -> {
            sequencePending();
            sweep(clock.instant().plusSeconds(1));
            return CheckpointView.of(checkpoint(true).orElseThrow());
        });
    }

    /** The latest signed checkpoint, made now when there is none yet. */
    public CheckpointView latest() {
        Optional<AuditCheckpoints.Stored> found = Sql.call(checkpoints::latest);
        return found.map(CheckpointView::of).orElseGet(this::checkpointNow);
    }

    public List<CheckpointView> newest(int limit) {
        return Sql.call(() -> checkpoints.newest(limit)).stream().map(CheckpointView::of).toList();
    }

    public SignedNote.Verifier verifier() {
        return key.verifier();
    }

    /** The proof of the decision against the latest checkpoint; one is signed now if none covers it yet. */
    public Proof proof(String decisionId) {
        return Sql.call(() -> {
            Optional<AuditLeaves.Leaf> leaf = leaves.ofDecision(decisionId);
            if (leaf.isEmpty()) {
                checkpointNow();
                leaf = leaves.ofDecision(decisionId);
            }
            AuditLeaves.Leaf found = leaf.orElseThrow(() -> new NotFoundException("No decision " + decisionId
                    + " is in the decision log's tree"));
            AuditCheckpoints.Stored head = checkpoints.latest().orElse(null);
            if (head == null || head.size() <= found.index()) {
                checkpointNow();
                head = checkpoints.latest().orElseThrow();
            }
            extend(head.size());
            List<String> path = tree.inclusionPath(found.index(), head.size()).stream().map(TransparencyLog::hex)
                    .toList();
            return new Proof(decisionId, found.index(), head.size(), found.recordHash(),
                    hex(Merkle.leafHashOfRecord(found.recordHash())), path, head.rootHex(), head.note(),
                    key.verifier().encoded());
        });
    }

    /** The consistency proof between the checkpoints of sizes {@code from} and {@code to}. */
    public Consistency consistency(long from, long to) {
        return Sql.call(() -> {
            AuditCheckpoints.Stored older = checkpoints.ofSize(from).orElseThrow(() -> new NotFoundException(
                    "No checkpoint of tree size " + from + " was signed; GET /api/v1/audit/checkpoints lists them"));
            AuditCheckpoints.Stored newer = checkpoints.ofSize(to).orElseThrow(() -> new NotFoundException(
                    "No checkpoint of tree size " + to + " was signed; GET /api/v1/audit/checkpoints lists them"));
            extend(to);
            List<String> proof = tree.consistencyProof(from, to).stream().map(TransparencyLog::hex).toList();
            return new Consistency(from, to, older.rootHex(), newer.rootHex(), proof, older.note(), newer.note(),
                    key.verifier().encoded());
        });
    }

    /** The consistency proof between any two tree sizes, without checkpoints (the benchmark's). */
    List<byte[]> consistencyProofHashes(long from, long to) {
        Sql.call(() -> {
            extend(to);
            return null;
        });
        return tree.consistencyProof(from, to);
    }

    /** MTH over leaves [start, end) of the tree, for an export's covering nodes. */
    byte[] subtreeHash(long start, long end) {
        Sql.call(() -> {
            extend(end);
            return null;
        });
        return tree.hash(start, end);
    }

    private void extend(long size) throws SQLException {
        try {
            tree.extendTo(size);
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException(e);
        }
    }

    private void sequencePending() throws SQLException {
        List<AuditLeaves.Content> batch = new ArrayList<>();
        for (AuditLeaves.Content c = pending.peek(); c != null && batch.size() < SWEEP_BATCH; c = pending.peek()) {
            batch.add(pending.poll());
        }
        while (!batch.isEmpty()) {
            try {
                sequenced.addAndGet(leaves.append(batch).size());
            } catch (SQLException | RuntimeException e) {
                // keep them for the next step, in their order
                List<AuditLeaves.Content> rest = new ArrayList<>(batch);
                rest.addAll(pending);
                pending.clear();
                pending.addAll(rest);
                throw e;
            }
            batch.clear();
            for (AuditLeaves.Content c = pending.peek(); c != null && batch.size() < SWEEP_BATCH; c = pending.peek()) {
                batch.add(pending.poll());
            }
        }
    }

    private void sweep(Instant before) throws SQLException {
        long found = 0;
        while (true) {
            List<AuditLeaves.Content> orphans = leaves.unsequenced(before, SWEEP_BATCH);
            if (orphans.isEmpty()) {
                break;
            }
            sequenced.addAndGet(leaves.append(orphans).size());
            found += orphans.size();
            if (orphans.size() < SWEEP_BATCH) {
                break;
            }
        }
        if (found > 0) {
            LOG.infof("%d recorded decisions that were not leaves of the tree yet were added to it", found);
        }
    }

    /** Signs a checkpoint of the whole tree when one is due (or always, when forced and the tree grew). */
    private Optional<AuditCheckpoints.Stored> checkpoint(boolean force) throws SQLException {
        long size = leaves.size();
        AuditCheckpoints.Stored last = latest != null && latest.size() >= size ? latest
                : checkpoints.latest().orElse(null);
        Instant now = clock.instant();
        long lastSize = last == null ? -1 : last.size();
        boolean grew = size > lastSize;
        boolean due = grew && (force || last == null || size - lastSize >= settings.checkpointEveryRecords()
                || Duration.between(last.madeAt(), now).compareTo(settings.checkpointInterval()) >= 0);
        if (!due) {
            latest = last;
            return Optional.ofNullable(last);
        }
        extend(size);
        byte[] root = tree.root(size);
        String note = key.signer().sign(new Checkpoint(settings.origin(), size, root).text());
        AuditCheckpoints.Stored made = new AuditCheckpoints.Stored(size, hex(root), note, now, instance);
        if (checkpoints.add(made)) {
            signed.incrementAndGet();
        } else {
            made = checkpoints.ofSize(size).orElseThrow();
        }
        latest = made;
        return Optional.of(made);
    }

    /** A signed note of the tree of the first {@code size} leaves with extension lines, stored by the caller. */
    String signWith(long size, List<String> extensions) throws SQLException {
        extend(size);
        return key.signer().sign(new Checkpoint(settings.origin(), size, tree.root(size), extensions).text());
    }

    /** Every retention purge so far. */
    List<ExportFormat.Archive> archives() throws SQLException {
        return archives.all();
    }

    String origin() {
        return settings.origin();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
