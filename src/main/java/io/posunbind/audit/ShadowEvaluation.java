package io.posunbind.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.posunbind.engine.AnswerJson;
import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.Language;
import io.posunbind.ruleset.ShadowRuleSet;
import io.posunbind.storage.InstanceId;
import io.posunbind.storage.Storage.Database;

/**
 * Shadow evaluation: while a candidate shadows the active version, each live decision is decided again by the
 * candidate on a thread of its own, after its answer is recorded, and the two answers are compared. The answer, its
 * latency and its recording are untouched: a decision only hands its facts over (a full queue drops the shadow
 * decision, counted). Differences are counted in metrics and kept as a report, per instance and session, in
 * simulation_report ({@code shadow-<session>-<instance>}), written every few seconds.
 */
@ApplicationScoped
public class ShadowEvaluation {
    private static final Logger LOG = Logger.getLogger(ShadowEvaluation.class);
    private static final DecisionEngine ENGINE = new DecisionEngine();
    private static final int QUEUE = 10_000;
    private static final int KEEP = 100;

    private final ShadowRuleSet shadow;
    private final SimulationReports reports;
    private final InstanceId instance;
    private final Simulations simulations;
    private final Clock clock;
    private final Counter compared;
    private final Counter differing;
    private final Counter dropped;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "shadow-evaluation");
                t.setDaemon(true);
                return t;
            }, (r, pool) -> { });
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shadow-report");
        t.setDaemon(true);
        return t;
    });
    private volatile Running running;

    /** This instance's comparison for one shadow session. */
    private record Running(ShadowRuleSet.Session session, String reportId, ComparisonTotals totals) {
    }

    ShadowEvaluation(ShadowRuleSet shadow, Database database, InstanceId instance, Clock clock,
                     MeterRegistry registry, Simulations simulations) {
        this.shadow = shadow;
        this.simulations = simulations;
        this.reports = new SimulationReports(database);
        this.instance = instance;
        this.clock = clock;
        this.compared = Counter.builder("unbind.shadow.decisions").description("Live decisions the shadow decided too")
                .register(registry);
        this.differing = Counter.builder("unbind.shadow.differences")
                .description("Live decisions the shadow would have answered differently").register(registry);
        this.dropped = Counter.builder("unbind.shadow.dropped")
                .description("Shadow decisions dropped because the shadow's queue was full").register(registry);
        flusher.scheduleWithFixedDelay(this::flush, 5, 5, TimeUnit.SECONDS);
    }

    /** Hands a recorded decision to the shadow, if one runs; never blocks and never fails the caller. */
    public void offer(CaseFacts facts, DecisionAnswer live, byte[] liveJson, Language language) {
        if (shadow.session().isEmpty()) {
            return;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        int before = worker.getQueue().size();
        if (before >= QUEUE) {
            dropped.increment();
            return;
        }
        worker.execute(() -> {
            ClassLoader was = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(context);
            try {
                evaluate(facts, live, liveJson, language);
            } catch (RuntimeException e) {
                LOG.warnf("A shadow decision failed (the live answer is unaffected): %s", e.getMessage());
            } finally {
                Thread.currentThread().setContextClassLoader(was);
            }
        });
    }

    private void evaluate(CaseFacts facts, DecisionAnswer live, byte[] liveJson, Language language) {
        Optional<ShadowRuleSet.Leased> leased = shadow.lease();
        if (leased.isEmpty()) {
            return;
        }
        try (ShadowRuleSet.Leased l = leased.get()) {
            Running current = sessionTotals(l.session());
            DecisionAnswer candidate = ENGINE.decide(facts, l.lease().ruleSet(), live.decisionId(),
                    live.evaluatedAt(), language);
            JsonNode before = AnswerDiff.tree(liveJson);
            JsonNode after = AnswerDiff.tree(AnswerJson.bytes(candidate));
            List<Difference> differences = AnswerDiff.between(before, after);
            current.totals().add(live.decisionId(), live.rulesetVersion(), live.evaluatedAt(), before, after,
                    differences);
            compared.increment();
            if (!differences.isEmpty()) {
                differing.increment();
            }
        }
    }

    private synchronized Running sessionTotals(ShadowRuleSet.Session session) {
        Running current = running;
        if (current == null || current.session().id() != session.id()) {
            flush();
            current = new Running(session, "shadow-" + session.id() + "-" + instance.value(),
                    new ComparisonTotals(KEEP));
            try {
                reports.start(current.reportId(), session.version(), "active", session.since(), instance.value());
            } catch (java.sql.SQLException e) {
                if (!io.posunbind.storage.Sql.isUniqueViolation(e)) {
                    LOG.warnf("Could not start the shadow report %s: %s", current.reportId(), e.getMessage());
                }
            }
            running = current;
        }
        return current;
    }

    /** Writes this instance's report of the running (or just ended) shadow session. */
    synchronized void flush() {
        Running current = running;
        if (current == null) {
            return;
        }
        try {
            SimulationReport report = current.totals().report(current.session().version(), "active");
            boolean ended = shadow.session().map(s -> s.id() != current.session().id()).orElse(true);
            reports.finish(current.reportId(), ended ? SimulationView.DONE : SimulationView.RUNNING,
                    report.compared(), clock.instant(), null, Simulations.json(report));
            if (ended) {
                running = null;
            }
        } catch (Exception e) {
            LOG.warnf("Could not write the shadow report %s: %s", current.reportId(), e.getMessage());
        }
    }

    /** The reports of a shadow session, one per instance that decided with it. */
    public List<SimulationView> reports(long session) {
        flush();
        List<SimulationView> views = new ArrayList<>();
        for (String id : io.posunbind.storage.Sql.call(() -> reports.idsStartingWith("shadow-" + session + "-"))) {
            views.add(simulations.view(id, null, null));
        }
        return views;
    }

    @PreDestroy
    void stop() {
        flush();
        worker.shutdownNow();
        flusher.shutdownNow();
    }
}
