package io.posunbind.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.audit.DecisionNotRecordedException;
import io.posunbind.audit.DecisionRecorder;
import io.posunbind.audit.IdempotencyKeyTakenException;
import io.posunbind.audit.NewRecord;
import io.posunbind.audit.ShadowEvaluation;
import io.posunbind.engine.AnswerJson;
import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.engine.DecisionResult;
import io.posunbind.engine.Language;
import io.posunbind.engine.RequestJson;
import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.ruleset.RuleSetLease;
import io.posunbind.storage.Uuid7;

/**
 * Decides one request: read, validate, evaluate with the active rule set (one version for the whole decision),
 * record, and answer. The date used when the request gives no asOf comes from the injected clock. Recording comes
 * before answering: when the record cannot be written the caller gets an error, never an unrecorded decision.
 */
@ApplicationScoped
public class DecisionService {
    private final DecisionRequestParser parser = new DecisionRequestParser();
    private final DecisionEngine engine = new DecisionEngine();
    private final ActiveRuleSet activeRuleSet;
    private final DecisionMetrics metrics;
    private final DecisionRecorder log;
    private final Clock clock;

    private final ShadowEvaluation shadow;

    /** A service without shadow evaluation (for tools and tests that decide through the service's own path). */
    public DecisionService(ActiveRuleSet activeRuleSet, DecisionMetrics metrics, DecisionRecorder log, Clock clock) {
        this(activeRuleSet, metrics, log, clock, null);
    }

    @jakarta.inject.Inject
    public DecisionService(ActiveRuleSet activeRuleSet, DecisionMetrics metrics, DecisionRecorder log, Clock clock,
                           ShadowEvaluation shadow) {
        this.shadow = shadow;
        this.activeRuleSet = activeRuleSet;
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Decides and records the request, or answers the decision recorded earlier under the same Idempotency-Key.
     *
     * @param body           the request bytes as received
     * @param idempotencyKey the Idempotency-Key header, or null
     * @param requestedBy    who asked, as recorded (empty when unknown)
     * @param language       the language of the answer's texts; a recorded answer keeps its own
     */
    public DecisionResult decide(byte[] body, String idempotencyKey, String requestedBy, Language language) {
        long start = System.nanoTime();
        String key = IdempotencyKeys.check(idempotencyKey);
        JsonNode request = RequestJson.read(body);
        if (key != null) {
            Optional<DecisionResult> earlier = IdempotencyKeys.earlier(log, key, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = clock.instant();
        CaseFacts facts = parser.parse(request, LocalDate.ofInstant(now, clock.getZone()));
        DecisionResult decided;
        // One version decides and is recorded, even when a swap happens meanwhile: the lease keeps it alive.
        try (RuleSetLease lease = activeRuleSet.acquire(now)) {
            DecisionAnswer answer = engine.decide(facts, lease.ruleSet(), Uuid7.next(now), now, language);
            decided = new DecisionResult(answer, AnswerJson.bytes(answer));
        }
        try {
            log.record(NewRecord.of(body, facts, decided, requestedBy, key));
        } catch (IdempotencyKeyTakenException e) {
            // A concurrent retry was recorded first: answer it (or 409 when its request differs).
            return IdempotencyKeys.earlier(log, key, request)
                    .orElseThrow(() -> new DecisionNotRecordedException("The decision could not be recorded, so "
                            + "it is not answered; retry later (with the same Idempotency-Key).", e));
        }
        metrics.decided(decided.answer().verdict(), System.nanoTime() - start);
        if (shadow != null) {
            shadow.offer(facts, decided.answer(), decided.json(), language);
        }
        return decided;
    }
}
