package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The running service records through group commit by default: concurrent decisions over HTTP are all stored and
 * the writer's work shows in the metrics.
 */
@QuarkusTest
class GroupCommitApiTest {

    @Inject
    DecisionRecorder recorder;

    @Test
    void concurrentDecisionsAreAllRecordedThroughTheGroupCommitWriterAndCountedInTheMetrics() throws Exception {
        assertThat(recorder.groupCommit()).as("group commit is on by default").isNotNull();
        double recordsBefore = metric("unbind_audit_records_committed_total");
        String merchant = AuditApiTest.merchant();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                String body = request("CASE-GC-" + i, merchant);
                ids.add(clients.submit(() -> AuditApiTest.decide(body)));
            }
            for (Future<String> id : ids) {
                assertThat(id.get()).isNotBlank();
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(metric("unbind_audit_records_committed_total") - recordsBefore).isGreaterThanOrEqualTo(24);
        assertThat(metric("unbind_audit_commits_total")).isGreaterThanOrEqualTo(1)
                .isLessThanOrEqualTo(recorder.groupCommit().transactions());
        assertThat(metric("unbind_audit_queue")).isGreaterThanOrEqualTo(0);
        for (Future<String> id : ids) {
            io.posunbind.security.TestUsers.asAuditor().when().get("/api/v1/decisions/" + id.get())
                    .then().statusCode(200);
        }
    }

    private static double metric(String name) {
        return io.posunbind.web.PrometheusSamples.value(name);
    }
}
