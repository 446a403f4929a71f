package io.posunbind.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.posunbind.config.UnbindConfig;
import io.posunbind.decision.AnswerJson;
import io.posunbind.decision.DecisionIds;
import io.posunbind.decision.DecisionLog;
import io.posunbind.decision.DecisionNotRecordedException;
import io.posunbind.decision.DecisionResult;
import io.posunbind.decision.DecisionToRecord;
import io.posunbind.decision.IdempotencyConflictException;
import io.posunbind.decision.RequestJson;
import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.ruleset.RuleFiles;
import io.quarkus.runtime.StartupEvent;

/**
 * Records every decision before it is answered: the rule set that decided is stored first (once per version),
 * then the record is chained and committed. An Idempotency-Key is enforced by the database's unique constraint,
 * so it holds across instances and concurrent retries: the first record wins, the others answer it. With group
 * commit ({@code unbind.storage.group-commit.enabled}) concurrent records share transactions ({@link GroupCommit});
 * each is still answered only once its own transaction has committed.
 */
@ApplicationScoped
public class DecisionRecorder implements DecisionLog {
    private static final Logger LOG = Logger.getLogger(DecisionRecorder.class);

    private final DecisionRecords records;
    private final RuleSetSnapshots snapshots;
    private final WriterChain chain;
    private final GroupCommit groupCommit;
    private final Clock clock;
    private final Set<String> storedVersions = ConcurrentHashMap.newKeySet();

    @Inject
    public DecisionRecorder(DecisionRecords records, RuleSetSnapshots snapshots, Clock clock, UnbindConfig config,
                            MeterRegistry registry) {
        this(records, snapshots, clock, DecisionIds.next(clock.instant()), groupCommit(config.storage().groupCommit()));
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

    /** A recorder writing under the given writer id, one transaction per record. */
    public DecisionRecorder(DecisionRecords records, RuleSetSnapshots snapshots, Clock clock, String writerId) {
        this(records, snapshots, clock, writerId, null);
    }

    /**
     * A recorder writing under the given writer id (a running service makes a fresh one at every start), with
     * group commit when settings are given; {@link #close()} then stops its writer thread.
     */
    DecisionRecorder(DecisionRecords records, RuleSetSnapshots snapshots, Clock clock, String writerId,
                     GroupCommit.Settings groupCommit) {
        this.records = records;
        this.snapshots = snapshots;
        this.clock = clock;
        this.chain = new WriterChain(writerId, records, clock);
        this.groupCommit = groupCommit == null ? null : new GroupCommit(chain, groupCommit);
    }

    private static GroupCommit.Settings groupCommit(UnbindConfig.GroupCommit config) {
        return config.enabled()
                ? new GroupCommit.Settings(config.maxBatch(), config.maxWait(), config.queueCapacity())
                : null;
    }

    /** Stores the active rule set as soon as it is loaded (after ActiveRuleSet's own startup observer). */
    void onStart(@Observes @Priority(3000) StartupEvent event, ActiveRuleSet active) {
        try {
            storeSnapshot(active.get().files());
            LOG.infof("Recording decisions as writer %s", chain.writerId());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the active rule set in the audit store", e);
        }
    }

    @Override
    public Optional<DecisionResult> recorded(String idempotencyKey, JsonNode request) {
        try {
            return records.findByIdempotencyKey(idempotencyKey)
                    .map(earlier -> sameRequestOrConflict(earlier, idempotencyKey, request));
        } catch (SQLException e) {
            throw notRecorded(e);
        }
    }

    @Override
    public DecisionResult record(DecisionToRecord decision) {
        try {
            storeSnapshot(decision.ruleSet());
            NewRecord record = NewRecord.of(decision);
            if (groupCommit != null) {
                groupCommit.append(record);
            } else {
                chain.append(List.of(record));
            }
            return decision.result();
        } catch (SQLException e) {
            String key = decision.idempotencyKey();
            if (key != null && isUniqueViolation(e)) {
                Optional<DecisionResult> winner = recorded(key, decision.request());
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw notRecorded(e);
        }
    }

    /** Stores the rule set's snapshot unless this instance knows it is stored. */
    public void storeSnapshot(RuleFiles ruleSet) throws SQLException {
        if (!storedVersions.contains(ruleSet.version())) {
            snapshots.storeIfAbsent(ruleSet, clock.instant());
            storedVersions.add(ruleSet.version());
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
    public String writerId() {
        return chain.writerId();
    }

    private static DecisionResult sameRequestOrConflict(DecisionRecord earlier, String key, JsonNode request) {
        if (!RequestJson.read(earlier.requestBody()).equals(request)) {
            throw new IdempotencyConflictException(key, earlier.decisionId());
        }
        return new DecisionResult(AnswerJson.read(earlier.answerBody()), earlier.answerBody());
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (RuleSetSnapshots.UNIQUE_VIOLATION.equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
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
