package io.posunbind.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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
 *
 * <p>Each decision is an OpenTelemetry span, {@value #SPAN}, carrying the decision id, the rule-set version and the
 * verdict (or the error that ended it); it is a no-op unless tracing is on (docs/operations.md).
 */
@ApplicationScoped
public class DecisionService {
    static final String SPAN = "unbind.decide";
    static final String DECISION_ID = "unbind.decision.id";
    static final String RULESET_VERSION = "unbind.ruleset.version";
    static final String VERDICT = "unbind.verdict";
    static final String CASE_ID = "unbind.case.id";
    static final String ANSWERED_EARLIER = "unbind.decision.answered_earlier";

    private final DecisionRequestParser parser = new DecisionRequestParser();
    private final DecisionEngine engine = new DecisionEngine();
    private final ActiveRuleSet activeRuleSet;
    private final DecisionMetrics metrics;
    private final DecisionRecorder log;
    private final Clock clock;

    private final ShadowEvaluation shadow;
    private final Tracer tracer;

    /**
     * A service without shadow evaluation or tracing (for tools and tests that decide through the service's own
     * path).
     */
    public DecisionService(ActiveRuleSet activeRuleSet, DecisionMetrics metrics, DecisionRecorder log, Clock clock) {
        this(activeRuleSet, metrics, log, clock, null, OpenTelemetry.noop().getTracer(SPAN));
    }

    @jakarta.inject.Inject
    public DecisionService(ActiveRuleSet activeRuleSet, DecisionMetrics metrics, DecisionRecorder log, Clock clock,
                           ShadowEvaluation shadow, Tracer tracer) {
        this.shadow = shadow;
        this.tracer = tracer;
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
        Span span = tracer.spanBuilder(SPAN).startSpan();
        try (Scope scope = span.makeCurrent()) {
            DecisionResult result = decideTraced(body, idempotencyKey, requestedBy, language, span);
            DecisionAnswer answer = result.answer();
            span.setAttribute(DECISION_ID, answer.decisionId());
            span.setAttribute(RULESET_VERSION, answer.rulesetVersion());
            span.setAttribute(VERDICT, answer.verdict().name());
            span.setAttribute(CASE_ID, answer.caseId());
            return result;
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private DecisionResult decideTraced(byte[] body, String idempotencyKey, String requestedBy, Language language,
                                        Span span) {
        long start = System.nanoTime();
        String key = IdempotencyKeys.check(idempotencyKey);
        JsonNode request = RequestJson.read(body);
        if (key != null) {
            Optional<DecisionResult> earlier = IdempotencyKeys.earlier(log, key, request);
            if (earlier.isPresent()) {
                span.setAttribute(ANSWERED_EARLIER, true);
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
            span.setAttribute(ANSWERED_EARLIER, true);
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
