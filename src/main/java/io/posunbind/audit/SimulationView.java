package io.posunbind.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;


/**
 * A simulation as the API shows it: progress while it runs, the report when it is done.
 *
 * @param simulationId poll {@code GET /api/v1/rulesets/simulations/{simulationId}} while it runs
 * @param version      the version simulated
 * @param baseline     the version it is compared with, or {@code recorded}
 * @param status       {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param processed    decisions decided again so far
 * @param total        decisions selected; null until they are
 * @param startedAt    when it started
 * @param finishedAt   when it ended; null while running
 * @param error        why it failed
 * @param result       the report, once done
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationView(String simulationId, String version, String baseline, String status, int processed, Integer total,
                             Instant startedAt, Instant finishedAt, String error, SimulationReport result) {
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    /** True while the simulation runs; its report comes with a later poll. */
    public boolean running() {
        return RUNNING.equals(status);
    }
}
