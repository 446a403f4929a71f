package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.DecisionResult;
import io.posunbind.engine.RequestJson;
import io.posunbind.errors.NotFoundException;

/**
 * Replaying, listing and exporting recorded decisions, the same on every database: {@link H2AuditReadsTest} and
 * {@link PostgresAuditReadsTest}.
 */
abstract class AuditReadsContract extends AuditStoreSetup {

    @Test
    void decisionsSurviveARestartAndReplayIdenticalAgainstTheirRecordedVersion() throws Exception {
        List<DecisionResult> before = decide(recorder, 3, "M-1");

        db.restart();
        DecisionRecorder afterRestart = newRecorder("writer-after-restart");
        decide(afterRestart, 1, "M-1");
        ReplayService replays = replays(v2);

        for (DecisionResult decided : before) {
            String id = decided.answer().decisionId();
            assertThat(db.records().find(id)).get().extracting(DecisionRecord::answerBody)
                    .isEqualTo(decided.json());
            Replay replay = replays.replay(id, null);
            assertThat(replay.identical()).as("replay of %s", id).isTrue();
            assertThat(replay.differences()).isEmpty();
            assertThat(replay.rulesetVersion()).isEqualTo(v1.version());
        }
        assertThat(verifier().verify().intact()).isTrue();
    }

    @Test
    void afterARuleChangeOldDecisionsReplayIdenticalAndTheActiveVersionShowsExactlyTheChangedFee()
            throws Exception {
        String id = decide(recorder, 1, "M-1").get(0).answer().decisionId();
        db.restart();
        ReplayService replays = replays(v2);

        Replay own = replays.replay(id, null);
        Replay active = replays.replay(id, ReplayService.ACTIVE);

        assertThat(own.identical()).isTrue();
        assertThat(active.identical()).isFalse();
        assertThat(active.rulesetVersion()).isEqualTo(v2.version());
        assertThat(active.recordedRulesetVersion()).isEqualTo(v1.version());
        assertThat(active.differences()).extracting(Difference::field, Difference::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fees[HANDLING]", "changed"),
                org.assertj.core.groups.Tuple.tuple("totals.fees", "changed"),
                org.assertj.core.groups.Tuple.tuple("totals.net", "changed"));
        Difference fee = active.differences().get(0);
        assertThat(fee.original().get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(fee.replayed().get("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(replays.replay(id, v2.version()).differences()).isEqualTo(active.differences());
    }

    @Test
    void replayAgainstAVersionThatIsNotStoredIsNotFound() {
        String id = decide(recorder, 1, "M-1").get(0).answer().decisionId();

        assertThatThrownBy(() -> replays(v1).replay(id, "sha256:0000")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replays(v1).replay("no-such-id", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsNewestFirstInCursorPagesAndFilters() {
        List<DecisionResult> m1 = decide(recorder, 5, "M-LIST-1");
        decide(recorder, 2, "M-LIST-2");
        RecordedDecisions decisions = new RecordedDecisions(db.records(), db.log(), java.time.Clock.systemUTC(), ZoneOffset.UTC, 2);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            DecisionPage page = decisions.list("M-LIST-1", null, null, null, null, null, "2", cursor);
            pageSizes.add(page.items().size());
            page.items().forEach(item -> seen.add(item.decisionId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(decisions.list("M-LIST-2", null, null, null, null, null, "2", null).nextCursor())
                .as("a page that holds the last decision has no next cursor").isNull();

        List<String> newestFirst = new ArrayList<>(m1.stream().map(r -> r.answer().decisionId()).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(decisions.list(null, null, "APPROVED", null, null, v1.version(), null, null).items()).hasSize(7);
        assertThat(decisions.list(null, null, "REJECTED", null, null, null, null, null).items()).isEmpty();
        assertThat(decisions.list(null, null, null, null, null, v2.version(), null, null).items()).isEmpty();
        assertThat(decisions.list(null, "CASE-M-LIST-1-3", null, null, null, null, null, null).items())
                .extracting(DecisionSummary::decisionId).containsExactly(m1.get(3).answer().decisionId());
        DecisionSummary third = decisions.list("M-LIST-1", null, null, null, null, null, "3", null).items().get(2);
        assertThat(decisions.list("M-LIST-1", null, null, third.recordedAt().toString(), null, null, null, null).items())
                .extracting(DecisionSummary::decisionId).contains(third.decisionId()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void exportsEveryRecordOfTheRangeAsOneJsonLineOldestFirst() throws Exception {
        List<DecisionResult> results = decide(recorder, 5, "M-EXPORT");
        RecordedDecisions decisions = new RecordedDecisions(db.records(), db.log(), java.time.Clock.systemUTC(), ZoneOffset.UTC, 2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decisions.export(null, null).writeTo(out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).as("header, 5 decisions, checkpoint, end").hasSize(8);
        assertThat(RequestJson.read(lines[0]).get("export").get("treeSize").asLong()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            JsonNode line = RequestJson.read(lines[i + 1]);
            assertThat(line.get("decisionId").asText()).isEqualTo(results.get(i).answer().decisionId());
            assertThat(line.get("request")).isEqualTo(RequestJson.read(request("CASE-M-EXPORT-" + i, "M-EXPORT")));
            assertThat(line.get("answer")).isEqualTo(RequestJson.read(results.get(i).json()));
            assertThat(line.get("chain").get("sequence").asLong()).isEqualTo(i + 1);
            assertThat(java.util.Base64.getDecoder().decode(line.get("recorded").get("answerBody").asText()))
                    .as("the exact bytes sent").isEqualTo(results.get(i).json());
        }
        assertThat(lines[6]).startsWith("{\"checkpoint\":");
        assertThat(ExportVerifier.verify(new java.io.BufferedReader(new java.io.StringReader(out.toString(
                StandardCharsets.UTF_8))), db.key().trusted()).problems()).isEmpty();

        ByteArrayOutputStream none = new ByteArrayOutputStream();
        decisions.export("2000-01-01", "2000-01-02").writeTo(none);
        String[] noneLines = none.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(noneLines).as("header, the one node of the whole tree, checkpoint, end").hasSize(4);
        ExportVerifier.Report report = ExportVerifier.verify(new java.io.BufferedReader(new java.io.StringReader(
                none.toString(StandardCharsets.UTF_8))), db.key().trusted());
        assertThat(report.problems()).isEmpty();
        assertThat(report.decisions()).isZero();
    }

    /**
     * A page of the list by merchant, by case or by version is read off that column's index in the page's order,
     * never by sorting every record of the merchant or version: at 1,000,000 records a sorted page by version took
     * over a second (docs/benchmarks.md). On PostgreSQL the planner is told to avoid sequential scans and sorts, as
     * it would on a large table; a sort that no index can spare still shows.
     */
    @Test
    void aPageByMerchantCaseOrVersionIsReadOffAnIndexNotSorted() throws Exception {
        decide(recorder, 3, "M-PLAN");
        java.time.Instant now = java.time.Instant.now();
        java.util.Map<String, DecisionFilter> filters = new java.util.LinkedHashMap<>();
        filters.put("merchant_id", new DecisionFilter("M-PLAN", null, null, null, null, null, null, 50));
        filters.put("case_id", new DecisionFilter(null, "CASE-M-PLAN-1", null, null, null, null, null, 50));
        filters.put("ruleset_version", new DecisionFilter(null, null, null, v1.version(), null, null, null, 50));
        filters.put("ruleset_version (second page)", new DecisionFilter(null, null, null, v1.version(), null, null,
                new DecisionFilter.Position(now, "01900000-0000-7000-8000-000000000000"), 50));
        for (java.util.Map.Entry<String, DecisionFilter> filter : filters.entrySet()) {
            String column = filter.getKey().split(" ")[0];
            DecisionRecords.Query query = db.records().pageQuery(filter.getValue());
            String plan = explain(query);
            if (db.isPostgres()) {
                assertThat(plan).as("%s: %s", filter.getKey(), plan).doesNotContainPattern("(?m)^\\s*(->\\s*)?Sort\\s+\\(cost")
                        .doesNotContain("Seq Scan").contains("Index Cond: ((" + column + ")");
            } else {
                String index = "DECISION_RECORD_" + column.replace("_id", "").replace("ruleset_", "").toUpperCase(
                        java.util.Locale.ROOT) + "_IX";
                assertThat(plan).as("%s: %s", filter.getKey(), plan).contains(index).containsPattern("/\\* index sorted \\*/");
            }
        }
    }

    private String explain(DecisionRecords.Query query) throws java.sql.SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            if (db.isPostgres()) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET enable_seqscan = off");
                    s.execute("SET enable_sort = off");
                }
            }
            try (java.sql.PreparedStatement q = c.prepareStatement("EXPLAIN " + query.sql())) {
                DecisionRecords.bind(query, q);
                StringBuilder plan = new StringBuilder();
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                if (db.isPostgres()) {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute("RESET enable_seqscan");
                        s.execute("RESET enable_sort");
                    }
                }
            }
        }
    }
}
