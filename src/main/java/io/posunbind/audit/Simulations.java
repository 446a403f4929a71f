package io.posunbind.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.posunbind.config.UnbindConfig;
import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.errors.NotFoundException;
import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.storage.InstanceId;
import io.posunbind.storage.Sql;
import io.posunbind.storage.Storage.Database;

/**
 * Backtests running and done. Each is a row of simulation_report from its start: its progress while it runs and its
 * report when done, so that any instance answers a poll. They run one at a time on a thread of their own (each
 * deciding on every core), so a long backtest never takes a request thread nor competes with another.
 */
@ApplicationScoped
public class Simulations {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    private static final Logger LOG = Logger.getLogger(Simulations.class);
    /** Reports kept as JSON keep their amounts exact: 10.00 stays 10.00 (the answers' own form). */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private final Simulator simulator;
    private final SimulationReports reports;
    private final ActiveRuleSet active;
    private final InstanceId instance;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rule-set-simulation");
        thread.setDaemon(true);
        return thread;
    });
    /** The simulations started here and not yet done, for waiting on them. */
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    @Inject
    Simulations(Simulator simulator, Database database, ActiveRuleSet active, InstanceId instance, Clock clock,
                UnbindConfig config) {
        this.simulator = simulator;
        this.reports = new SimulationReports(database);
        this.active = active;
        this.instance = instance;
        this.clock = clock;
        this.zone = config.decisions().zone();
    }

    /**
     * Simulates the version over the recorded decisions that {@code from}, {@code to} and {@code limit} select (the
     * query's parameters, null when absent; every bad one named in one 400) against the baseline ({@code active},
     * the default, {@code recorded}, or a stored version) and waits up to {@code waitSeconds} (at most 60, default
     * 10) for the report. An unknown version is refused at once (404).
     */
    public SimulationView simulate(String version, String from, String to, String limit, String waitSeconds,
                                   String baseline) {
        SimulationScope scope = SimulationScope.of(from, to, limit, waitSeconds, zone);
        String base = baseline == null || baseline.isBlank() || baseline.equals("active") ? active.version()
                : baseline.strip();
        simulator.checkStored(version);
        if (!base.equals(SimulationReport.RECORDED)) {
            simulator.checkStored(base);
        }
        String id = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        Sql.call(() -> {
            reports.start(id, version, base, startedAt, instance.value());
            return null;
        });
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.put(id, done);
        runner.execute(() -> run(id, version, base, scope, done));
        try {
            done.get(scope.waitSeconds() * 1000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still running: the caller polls
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // failed: the row says so
        }
        return view(id, null, null);
    }

    private void run(String id, String version, String baseline, SimulationScope scope, CompletableFuture<Void> done) {
        int[] processed = {0};
        try {
            int total = simulator.count(scope);
            reports.progress(id, 0, total);
            long[] lastWrite = {System.nanoTime()};
            SimulationReport report = simulator.run(version, baseline, scope, n -> {
                processed[0] = n;
                if (System.nanoTime() - lastWrite[0] > 1_000_000_000L) {
                    lastWrite[0] = System.nanoTime();
                    try {
                        reports.progress(id, n, total);
                    } catch (java.sql.SQLException e) {
                        LOG.warnf("Could not record the progress of simulation %s: %s", id, e.getMessage());
                    }
                }
            });
            reports.finish(id, SimulationView.DONE, report.compared(), clock.instant(), null, json(report));
        } catch (Exception e) {
            LOG.errorf(e, "Simulation %s of %s failed", id, version);
            try {
                reports.finish(id, SimulationView.FAILED, processed[0], clock.instant(),
                        "The simulation stopped on an error; the log of instance " + instance.value()
                                + " has the details", null);
            } catch (java.sql.SQLException f) {
                LOG.errorf("Could not record that simulation %s failed: %s", id, f.getMessage());
            }
        } finally {
            running.remove(id);
            done.complete(null);
        }
    }

    /**
     * The simulation's progress, or its report once done, with the changed decisions from {@code offset} (default
     * 0), at most {@code limit} (default 100, at most 1000): from any instance.
     */
    public SimulationView view(String id, String offset, String limit) {
        int from = number("offset", offset, 0, Integer.MAX_VALUE, 0);
        int size = number("limit", limit, 1, MAX_PAGE, DEFAULT_PAGE);
        SimulationReports.Row row = Sql.call(() -> reports.find(id))
                .orElseThrow(() -> new NotFoundException("No simulation " + id + " is known"));
        SimulationReport report = null;
        if (row.report() != null) {
            try {
                report = JSON.readValue(row.report(), SimulationReport.class).page(from, size);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The report of simulation " + id + " cannot be read", e);
            }
        }
        return new SimulationView(row.id(), row.version(), row.baseline(), row.status(), row.processed(),
                row.total(), row.startedAt(), row.finishedAt(), row.error(), report);
    }

    /** The report as it is kept. */
    static String json(SimulationReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True while the simulation runs on this instance. */
    Optional<CompletableFuture<Void>> runningHere(String id) {
        return Optional.ofNullable(running.get(id));
    }

    private static int number(String name, String value, int min, int max, int byDefault) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(java.util.List.of(new FieldError(name, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max))));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
