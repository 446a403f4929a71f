package io.posunbind.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.ruleset.CompiledRuleSet;
import io.posunbind.ruleset.RuleSetLease;

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
    private final DecisionLog log;
    private final Clock clock;

    public DecisionService(ActiveRuleSet activeRuleSet, DecisionMetrics metrics, DecisionLog log, Clock clock) {
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
     */
    public DecisionResult decide(byte[] body, String idempotencyKey, String requestedBy) {
        long start = System.nanoTime();
        String key = IdempotencyKeys.check(idempotencyKey);
        JsonNode request = RequestJson.read(body);
        if (key != null) {
            Optional<DecisionResult> earlier = log.recorded(key, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = clock.instant();
        CaseFacts facts = parser.parse(request, LocalDate.ofInstant(now, clock.getZone()));
        DecisionResult standing;
        DecisionAnswer answer;
        // One version decides and is recorded, even when a swap happens meanwhile: the lease keeps it alive.
        try (RuleSetLease lease = activeRuleSet.acquire()) {
            CompiledRuleSet ruleSet = lease.ruleSet();
            answer = engine.decide(facts, ruleSet, DecisionIds.next(now), now);
            DecisionResult decided = new DecisionResult(answer, AnswerJson.bytes(answer));
            standing = log.record(new DecisionToRecord(body, request, decided, ruleSet.files(), requestedBy, key));
        }
        if (standing.answer().decisionId().equals(answer.decisionId())) {
            metrics.decided(answer.verdict(), System.nanoTime() - start);
        }
        return standing;
    }
}
