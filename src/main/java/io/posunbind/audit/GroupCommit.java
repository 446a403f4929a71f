package io.posunbind.audit;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.posunbind.storage.Sql;

/**
 * Group commit: one writer thread takes the records of concurrent decisions off a bounded queue and commits them
 * to the writer's chain in one transaction, up to {@code maxBatch} at a time, waiting at most {@code maxWait} after
 * the first for more to come. Each caller blocks until the transaction holding its record has committed, so a
 * decision is still answered only once it is stored; a batch that fails rolls back whole and fails every record
 * in it.
 * <p>
 * A unique violation (an Idempotency-Key recorded before, or twice in one batch) is one record's problem, not the
 * batch's: the batch is then written again one record per transaction, so each caller gets its own outcome.
 * The chain is the one {@link WriterChain}: sequence and hashes follow the order records were taken off the queue.
 * <p>
 * Each batch is an OpenTelemetry span of its own, {@value #SPAN}, linked to the span of every decision in it.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** How group commit is tuned; see {@code unbind.storage.group-commit.*}. */
    record Settings(int maxBatch, Duration maxWait, int queueCapacity) {
        Settings {
            if (maxBatch < 1 || queueCapacity < 1 || maxWait.isNegative()) {
                throw new IllegalArgumentException("group commit needs max-batch >= 1, queue-capacity >= 1 and "
                        + "max-wait >= 0, got " + maxBatch + ", " + queueCapacity + ", " + maxWait);
            }
        }
    }

    /** The queue is full: the record is not taken, and the decision must not be answered. */
    static final class QueueFullException extends SQLException {
        QueueFullException(int capacity) {
            super(capacity + " decisions are already waiting to be recorded", "57P03");
        }
    }

    static final String SPAN = "unbind.audit.write";
    static final String BATCH_SIZE = "unbind.audit.batch.size";
    static final String WRITER = "unbind.audit.writer";

    private record Pending(NewRecord record, CompletableFuture<DecisionRecord> stored, SpanContext caller) {
    }

    private static final Pending STOP = new Pending(null, null, SpanContext.getInvalid());

    private final WriterChain chain;
    private final Settings settings;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final Tracer tracer;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong recordsCommitted = new AtomicLong();
    private volatile boolean closed;

    GroupCommit(WriterChain chain, Settings settings, Tracer tracer) {
        this.chain = chain;
        this.tracer = tracer;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::writeLoop, "audit-group-commit-" + chain.writerId());
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues the record and waits until it is committed.
     *
     * @throws SQLException the batch could not be committed (nothing of it is stored), or the queue is full
     */
    DecisionRecord append(NewRecord record) throws SQLException {
        CompletableFuture<DecisionRecord> stored = new CompletableFuture<>();
        if (closed || !queue.offer(new Pending(record, stored, Span.current().getSpanContext()))) {
            throw closed ? new SQLException("the audit writer is shut down", "57P01")
                    : new QueueFullException(settings.queueCapacity());
        }
        try {
            while (true) {
                try {
                    return stored.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!writer.isAlive() && !stored.isDone()) {
                        // queued behind close(): the writer is gone and will never take it
                        throw new SQLException("the audit writer is shut down", "57P01");
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("the audit writer failed", e.getCause());
        } catch (InterruptedException e) {
            // The record may still be committed; the caller is not answered either way.
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the decision was being recorded", e);
        }
    }

    /** Transactions committed or attempted so far (each batch, and each record written alone after a batch). */
    long transactions() {
        return transactions.get();
    }

    /** Records committed so far. */
    long recordsCommitted() {
        return recordsCommitted.get();
    }

    /** Records waiting for the writer. */
    int waiting() {
        return queue.size();
    }

    /** Stops taking records, commits the ones already queued and stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            queue.put(STOP);
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        boolean stopping = false;
        while (!stopping) {
            try {
                stopping = collect(batch);
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                fail(batch, new SQLException("the audit writer was interrupted", e));
                stopping = true;
            } catch (RuntimeException | Error e) {
                // Never let the writer die with callers waiting on it.
                LOG.errorf(e, "The audit writer failed on a batch of %d records", batch.size());
                fail(batch, new SQLException("the audit writer failed", e));
            }
            batch.clear();
        }
        // Records offered while close() ran, behind the stop mark: refuse them rather than leave callers waiting.
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        late.remove(STOP);
        fail(late, new SQLException("the audit writer is shut down", "57P01"));
    }

    /** Fills the batch: the first record waits as long as it takes, the others at most max-wait after it. */
    private boolean collect(List<Pending> batch) throws InterruptedException {
        Pending first = queue.take();
        if (first == STOP) {
            return true;
        }
        batch.add(first);
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (batch.size() < settings.maxBatch()) {
            Pending next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return false;
                }
            }
            if (next == STOP) {
                return true;
            }
            batch.add(next);
        }
        return false;
    }

    private void write(List<Pending> batch) {
        SpanBuilder builder = tracer.spanBuilder(SPAN).setNoParent()
                .setAttribute(BATCH_SIZE, batch.size()).setAttribute(WRITER, chain.writerId());
        for (Pending pending : batch) {
            if (pending.caller().isValid()) {
                builder.addLink(pending.caller());
            }
        }
        Span span = builder.startSpan();
        try {
            writeBatch(batch);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            if (batch.stream().anyMatch(p -> p.stored().isCompletedExceptionally())) {
                span.setStatus(StatusCode.ERROR, "not every record of the batch was committed");
            }
            span.end();
        }
    }

    private void writeBatch(List<Pending> batch) {
        List<NewRecord> content = batch.stream().map(Pending::record).toList();
        try {
            transactions.incrementAndGet();
            List<DecisionRecord> stored = chain.append(content);
            recordsCommitted.addAndGet(stored.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(stored.get(i));
            }
        } catch (SQLException e) {
            if (batch.size() > 1 && Sql.isUniqueViolation(e)) {
                writeOneByOne(batch);
            } else {
                fail(batch, e);
            }
        }
    }

    private void writeOneByOne(List<Pending> batch) {
        for (Pending pending : batch) {
            try {
                transactions.incrementAndGet();
                DecisionRecord stored = chain.append(List.of(pending.record())).get(0);
                recordsCommitted.incrementAndGet();
                pending.stored().complete(stored);
            } catch (SQLException | RuntimeException e) {
                pending.stored().completeExceptionally(e);
            }
        }
    }

    private static void fail(List<Pending> batch, SQLException e) {
        batch.forEach(p -> p.stored().completeExceptionally(e));
    }
}
