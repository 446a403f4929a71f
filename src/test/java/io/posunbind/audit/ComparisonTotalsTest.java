package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The totals of a comparison: every decision counted, and the report's list bounded to the newest changed
 * decisions whatever order they arrive in, so a backtest over a million decisions keeps a report of bounded size.
 */
class ComparisonTotalsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static JsonNode answer(String verdict, String fee) {
        return AnswerDiff.tree(("{\"verdict\":\"" + verdict + "\",\"fees\":[{\"code\":\"ACCOUNT_CLOSURE\",\"amount\":"
                + fee + "}],\"totals\":{\"fees\":" + fee + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theReportListsTheNewestChangedDecisionsAndCountsThemAll() throws Exception {
        ComparisonTotals totals = new ComparisonTotals(100);
        JsonNode before = answer("APPROVED", "50.00");
        JsonNode after = answer("APPROVED", "60.00");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i : order) {
            pool.execute(() -> totals.add("d-" + String.format("%04d", i), "v1", T0.plusSeconds(i), before, after,
                    i % 2 == 0 ? AnswerDiff.between(before, after) : List.of()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        SimulationReport report = totals.report("v2", "v1");
        assertThat(report.compared()).isEqualTo(1000);
        assertThat(report.changed()).isEqualTo(500);
        assertThat(report.feesChanged()).isEqualTo(500);
        assertThat(report.verdictsChanged()).isZero();
        assertThat(report.feeTotals().before()).isEqualByComparingTo("50000.00");
        assertThat(report.feeTotals().after()).isEqualByComparingTo("60000.00");
        assertThat(report.feeAmounts().get("ACCOUNT_CLOSURE").after()).isEqualByComparingTo("60000.00");
        assertThat(report.changedDecisionsKept()).isEqualTo(100);
        List<String> expected = new ArrayList<>();
        for (int i = 998; expected.size() < 100; i -= 2) {
            expected.add("d-" + String.format("%04d", i));
        }
        assertThat(report.changedDecisions()).extracting(SimulationReport.ChangedDecision::decisionId)
                .as("the newest 100 changed, newest first").containsExactlyElementsOf(expected);

        SimulationReport page = report.page(90, 50);
        assertThat(page.changedDecisionsKept()).isEqualTo(100);
        assertThat(page.changedDecisionsOffset()).isEqualTo(90);
        assertThat(page.changedDecisions()).hasSize(10);
    }
}
