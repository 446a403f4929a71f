package io.posunbind.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.posunbind.config.UnbindConfig;
import io.posunbind.storage.InstanceId;
import io.posunbind.storage.Sql;
import io.quarkus.runtime.StartupEvent;

/**
 * Records every decision before it is answered: the record is chained and committed, and only then does the
 * caller go on to answer. The rule set that decided is stored before it was activated, so the record's foreign key
 * always finds it. An Idempotency-Key is enforced by the database's unique constraint, so it holds across instances
 * and concurrent retries: the first record wins. With group commit
 * ({@code unbind.storage.group-commit.enabled}) concurrent records share transactions ({@link GroupCommit}); each
 * is still answered only once its own transaction has committed.
 */
@ApplicationScoped
public class DecisionRecorder {
    private static final Logger LOG = Logger.getLogger(DecisionRecorder.class);

    private final DecisionRecords records;
    private final WriterChain chain;
    private final GroupCommit groupCommit;
    private final Tracer tracer;

    @Inject
    DecisionRecorder(DecisionRecords records, Clock clock, InstanceId instance, UnbindConfig config,
                     MeterRegistry registry, TransparencyLog log, Tracer tracer) {
        this(records, clock, instance.value(), groupCommit(config.storage().groupCommit()), log::committed, tracer);
        if (groupCommit != null) {
            GroupCommit writer = groupCommit;
            FunctionCounter.builder("unbind.audit.commits", writer, GroupCommit::transactions)
                    .description("Transactions the group-commit writer committed or tried").register(registry);
            FunctionCounter.builder("unbind.audit.records.committed", writer, GroupCommit::recordsCommitted)
                    .description("Decision records committed by the group-commit writer").register(registry);
            Gauge.builder("unbind.audit.queue", writer, GroupCommit::waiting)
                    .description("Decision records waiting for the group-commit writer").register(registry);
        }
    }

    /**
     * A recorder writing under the given writer id, with group commit when settings are given ({@link #close()}
     * then stops its writer thread), else one transaction per record.
     */
    DecisionRecorder(DecisionRecords records, Clock clock, String writerId, GroupCommit.Settings groupCommit) {
        this(records, clock, writerId, groupCommit, stored -> { }, OpenTelemetry.noop().getTracer(GroupCommit.SPAN));
    }

    /** As above, telling {@code committed} of every record once it is committed. */
    DecisionRecorder(DecisionRecords records, Clock clock, String writerId, GroupCommit.Settings groupCommit,
                     Consumer<List<DecisionRecord>> committed, Tracer tracer) {
        this.records = records;
        this.tracer = tracer;
        this.chain = new WriterChain(writerId, records, clock, committed);
        this.groupCommit = groupCommit == null ? null : new GroupCommit(chain, groupCommit, tracer);
    }

    private static GroupCommit.Settings groupCommit(UnbindConfig.GroupCommit config) {
        return config.enabled()
                ? new GroupCommit.Settings(config.maxBatch(), config.maxWait(), config.queueCapacity())
                : null;
    }

    void announce(@Observes StartupEvent event) {
        LOG.infof("Recording decisions as writer %s", chain.writerId());
    }

    /**
     * The decision recorded earlier under this Idempotency-Key, if any.
     *
     * @throws DecisionNotRecordedException when the log cannot be read
     */
    public Optional<DecisionRecord> byIdempotencyKey(String idempotencyKey) {
        try {
            return records.findByIdempotencyKey(idempotencyKey);
        } catch (SQLException e) {
            throw notRecorded(e);
        }
    }

    /**
     * Records the decision; returns once its record is committed.
     *
     * @throws IdempotencyKeyTakenException when a decision was recorded under the same Idempotency-Key first
     * @throws DecisionNotRecordedException when the record cannot be written; the decision must not be answered
     */
    public void record(NewRecord record) {
        try {
            if (groupCommit != null) {
                groupCommit.append(record);
            } else {
                appendAlone(record);
            }
        } catch (SQLException e) {
            if (record.idempotencyKey() != null && Sql.isUniqueViolation(e)) {
                throw new IdempotencyKeyTakenException(record.idempotencyKey());
            }
            throw notRecorded(e);
        }
    }

    /** Without group commit: the record is its own transaction, and its own span under the decision's. */
    private void appendAlone(NewRecord record) throws SQLException {
        Span span = tracer.spanBuilder(GroupCommit.SPAN).setAttribute(GroupCommit.BATCH_SIZE, 1)
                .setAttribute(GroupCommit.WRITER, chain.writerId()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            chain.append(List.of(record));
        } catch (SQLException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** Commits what is queued and stops the group-commit writer, if any. */
    @PreDestroy
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    /** The group commit in use, or null when every record is its own transaction. */
    GroupCommit groupCommit() {
        return groupCommit;
    }

    /** The id this recorder's chain is written under. */
    String writerId() {
        return chain.writerId();
    }

    private static DecisionNotRecordedException notRecorded(SQLException e) {
        if (e instanceof GroupCommit.QueueFullException) {
            LOG.warnf("A decision is not answered: %s", e.getMessage());
            return new DecisionNotRecordedException("The decision could not be recorded, so it is not answered; "
                    + "too many decisions are waiting to be recorded. Retry later (with the same Idempotency-Key).",
                    e);
        }
        LOG.errorf(e, "A decision could not be recorded and is not answered");
        return new DecisionNotRecordedException("The decision could not be recorded, so it is not answered; "
                + "the audit store is unavailable. Retry later (with the same Idempotency-Key).", e);
    }
}
