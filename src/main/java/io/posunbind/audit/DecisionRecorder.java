package io.posunbind.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

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
 * so it holds across instances and concurrent retries: the first record wins, the others answer it.
 */
@ApplicationScoped
public class DecisionRecorder implements DecisionLog {
    private static final Logger LOG = Logger.getLogger(DecisionRecorder.class);

    private final DecisionRecords records;
    private final RuleSetSnapshots snapshots;
    private final WriterChain chain;
    private final Clock clock;
    private final Set<String> storedVersions = ConcurrentHashMap.newKeySet();

    @Inject
    public DecisionRecorder(DecisionRecords records, RuleSetSnapshots snapshots, Clock clock) {
        this(records, snapshots, clock, DecisionIds.next(clock.instant()));
    }

    /** A recorder writing under the given writer id; a running service makes a fresh one at every start. */
    public DecisionRecorder(DecisionRecords records, RuleSetSnapshots snapshots, Clock clock, String writerId) {
        this.records = records;
        this.snapshots = snapshots;
        this.clock = clock;
        this.chain = new WriterChain(writerId, records, clock);
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
            chain.append(List.of(NewRecord.of(decision)));
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
        LOG.errorf(e, "A decision could not be recorded and is not answered");
        return new DecisionNotRecordedException("The decision could not be recorded, so it is not answered; "
                + "the audit store is unavailable. Retry later (with the same Idempotency-Key).", e);
    }
}
