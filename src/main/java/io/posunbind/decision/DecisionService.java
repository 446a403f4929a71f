package io.posunbind.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.ruleset.CompiledRuleSet;

/**
 * Decides one request: read, validate, evaluate with the active rule set (one version for the whole decision),
 * and answer. The date used when the request gives no asOf comes from the injected clock.
 */
@ApplicationScoped
public class DecisionService {
    private final DecisionRequestParser parser = new DecisionRequestParser();
    private final DecisionEngine engine = new DecisionEngine();
    private final ActiveRuleSet activeRuleSet;
    private final DecisionMetrics metrics;
    private final Clock clock;

    public DecisionService(ActiveRuleSet activeRuleSet, DecisionMetrics metrics, Clock clock) {
        this.activeRuleSet = activeRuleSet;
        this.metrics = metrics;
        this.clock = clock;
    }

    public DecisionResult decide(byte[] body) {
        long start = System.nanoTime();
        JsonNode request = RequestJson.read(body);
        Instant now = clock.instant();
        CaseFacts facts = parser.parse(request, LocalDate.ofInstant(now, clock.getZone()));
        CompiledRuleSet ruleSet = activeRuleSet.get();
        DecisionAnswer answer = engine.decide(facts, ruleSet, DecisionIds.next(now), now);
        DecisionResult result = new DecisionResult(answer, AnswerJson.bytes(answer));
        metrics.decided(answer.verdict(), System.nanoTime() - start);
        return result;
    }
}
