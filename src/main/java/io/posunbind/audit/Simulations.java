package io.posunbind.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.posunbind.errors.NotFoundException;


/**
 * Simulations running and done, in memory on this instance: a simulation is polled on the instance that started it
 * and is gone after a restart (its result is a computation over the store, not a record). They run one at a time
 * on a thread of their own, so a long backtest never takes a request thread nor competes with itself for the CPU;
 * the latest {@value #KEPT} are kept.
 */
@ApplicationScoped
public class Simulations {
    static final int KEPT = 50;
    private static final Logger LOG = Logger.getLogger(Simulations.class);

    private final Simulator simulator;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rule-set-simulation");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Simulation> simulations = new LinkedHashMap<>();

    @Inject
    Simulations(Simulator simulator, Clock clock, UnbindConfig config) {
        this(simulator, clock, config.decisions().zone());
    }

    Simulations(Simulator simulator, Clock clock, ZoneId zone) {
        this.simulator = simulator;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Simulates the version over the recorded decisions that {@code from}, {@code to} and {@code limit} select (the
     * query's parameters, null when absent; every bad one named in one 400) and waits up to {@code waitSeconds} (at
     * most 60, default 10) for the report. An unknown version is refused at once (404).
     *
     * @return the simulation, {@link SimulationView#running() still running} or done
     */
    public SimulationView simulate(String version, String from, String to, String limit, String waitSeconds) {
        SimulationScope scope = SimulationScope.of(from, to, limit, waitSeconds, zone);
        Simulation simulation = start(version, scope);
        simulation.await(scope.waitSeconds() * 1000L);
        return simulation.view();
    }

    /** The simulation's progress, or its report once done. */
    public SimulationView view(String id) {
        return find(id).map(Simulation::view)
                .orElseThrow(() -> new NotFoundException("No simulation " + id + " is known on this instance"));
    }

    /** Starts simulating the version over the scope's decisions; an unknown version is refused at once (404). */
    Simulation start(String version, SimulationScope scope) {
        simulator.checkStored(version);
        Simulation simulation = new Simulation(UUID.randomUUID().toString(), version, clock.instant());
        synchronized (simulations) {
            simulations.put(simulation.id, simulation);
            Iterator<Simulation> oldest = simulations.values().iterator();
            while (simulations.size() > KEPT && oldest.hasNext()) {
                if (oldest.next().done.isDone()) {
                    oldest.remove();
                }
            }
        }
        runner.execute(() -> simulation.run(simulator, scope, clock));
        return simulation;
    }

    Optional<Simulation> find(String id) {
        synchronized (simulations) {
            return Optional.ofNullable(simulations.get(id));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** One simulation: its progress while it runs, its report when done. */
    static final class Simulation {
        private final String id;
        private final String version;
        private final Instant startedAt;
        private final CompletableFuture<SimulationReport> done = new CompletableFuture<>();
        private volatile int total = -1;
        private volatile int processed;
        private volatile Instant finishedAt;

        Simulation(String id, String version, Instant startedAt) {
            this.id = id;
            this.version = version;
            this.startedAt = startedAt;
        }

        void run(Simulator simulator, SimulationScope scope, Clock clock) {
            try {
                List<String> ids = simulator.select(scope);
                total = ids.size();
                done.complete(simulator.run(version, ids, n -> processed = n));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Simulation %s of %s failed", id, version);
                done.completeExceptionally(e);
            } finally {
                finishedAt = clock.instant();
            }
        }

        /** Waits at most that long for the simulation to end; answers whether it has. */
        public boolean await(long millis) {
            try {
                done.get(millis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                return true;
            }
            return true;
        }

        public String id() {
            return id;
        }

        /** The simulation as the API shows it. */
        public SimulationView view() {
            String status = !done.isDone() ? SimulationView.RUNNING
                    : done.isCompletedExceptionally() ? SimulationView.FAILED : SimulationView.DONE;
            SimulationReport report = SimulationView.DONE.equals(status) ? done.join() : null;
            return new SimulationView(id, version, status, processed, total < 0 ? null : total, startedAt,
                    finishedAt, SimulationView.FAILED.equals(status)
                            ? "The simulation stopped on an error; the log has the details" : null, report);
        }
    }
}
