package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.decideAndRecord;
import static io.posunbind.audit.AuditFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.decision.IdempotencyConflictException;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionResult;
import io.posunbind.engine.RequestJson;
import io.posunbind.errors.NotFoundException;
import io.posunbind.ruleset.RuleSetCache;
import io.posunbind.ruleset.RuleSetLease;
import io.posunbind.ruleset.SnapshotIntegrityException;

/**
 * The audit store's behaviour, the same on every database: {@link H2AuditStoreTest} runs it on an H2 file,
 * {@link PostgresAuditStoreTest} on the real PostgreSQL. Plain JDBC and plain Java, no Quarkus: each test gets a
 * fresh database and the audit tests' own rule sets (handling fee 10.00 in v1, 25.00 in v2).
 */
abstract class AuditStoreContract {
    private static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    static CompiledRuleSet v1;
    static CompiledRuleSet v2;

    TestDatabase db;
    DecisionRecorder recorder;

    abstract TestDatabase openDatabase(Path directory);

    @BeforeAll
    static void compileRuleSets(@TempDir Path rules) {
        v1 = AuditFixtures.compile(AuditFixtures.rulesWithHandlingFee(rules.resolve("v1"), "10.00"));
        v2 = AuditFixtures.compile(AuditFixtures.rulesWithHandlingFee(rules.resolve("v2"), "25.00"));
    }

    @AfterAll
    static void releaseRuleSets() {
        v1.close();
        v2.close();
    }

    @BeforeEach
    void openStore(@TempDir Path directory) {
        db = openDatabase(directory);
        db.store(v1);
        recorder = newRecorder("writer-a");
    }

    @AfterEach
    void closeStore() throws Exception {
        db.close();
    }

    DecisionRecorder newRecorder(String writerId) {
        return new DecisionRecorder(db.records(), CLOCK, writerId, null);
    }

    ReplayService replays(CompiledRuleSet active) {
        return new ReplayService(db.records(), db.ruleSets(), new RuleSetCache(() -> RuleSetLease.of(active), 2),
                active::version, CLOCK);
    }

    ChainVerifier verifier() {
        return new ChainVerifier(db.records(), db.ruleSets(), 2);
    }

    List<DecisionResult> decide(DecisionRecorder by, int count, String merchantId) {
        List<DecisionResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(decideAndRecord(by, v1, request("CASE-" + merchantId + "-" + i, merchantId), null));
        }
        return results;
    }

    @Test
    void recordsTheRequestAsReceivedTheAnswerAsSentTheRuleSetAndWhoAsked() throws Exception {
        String request = request("CASE-1", "M-1");
        DecisionResult result = decideAndRecord(recorder, v1, request, null);

        DecisionRecord stored = db.records().find(result.answer().decisionId()).orElseThrow();
        assertThat(new String(stored.requestBody(), StandardCharsets.UTF_8)).isEqualTo(request);
        assertThat(stored.answerBody()).isEqualTo(result.json());
        assertThat(stored.requestedBy()).isEqualTo("auditor-test");
        assertThat(stored.rulesetVersion()).isEqualTo(v1.version());
        assertThat(stored.asOf()).isEqualTo(result.answer().asOf());
        assertThat(stored.merchantId()).isEqualTo("M-1");
        assertThat(stored.verdict()).isEqualTo("APPROVED");
        assertThat(stored.writerId()).isEqualTo("writer-a");
        assertThat(stored.sequence()).isEqualTo(1);
        assertThat(stored.previousHash()).isEqualTo(RecordHash.GENESIS);
        assertThat(db.ruleSets().files(v1.version())).isEqualTo(v1.files());
    }

    @Test
    void storesARuleSetVersionOnceWhenSeveralInstancesStoreItAtOnce() throws Exception {
        List<Boolean> stored = inParallel(8, i -> () -> {
            db.store(v2);
            return true;
        });

        assertThat(stored).containsOnly(true);
        assertThat(db.count("SELECT COUNT(*) FROM ruleset_snapshot WHERE version = ?", v2.version())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ruleset_version WHERE version = ?", v2.version())).isEqualTo(1);
    }

    @Test
    void anUntouchedStoreVerifiesClean() {
        decide(recorder, 3, "M-1");
        decide(newRecorder("writer-b"), 2, "M-2");
        decide(recorder, 1, "M-1");

        Verification verification = verifier().verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstBreak()).isNull();
        assertThat(verification.recordsChecked()).isEqualTo(6);
        assertThat(verification.chains()).extracting(Verification.ChainHead::writerId, Verification.ChainHead::records)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("writer-a", 4L),
                        org.assertj.core.groups.Tuple.tuple("writer-b", 2L));
        assertThat(verification.snapshotsChecked()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"answer_body", "request_body", "ruleset_version", "as_of", "requested_by", "verdict"})
    void aRecordAlteredInTheDatabaseIsTheFirstBreak(String column) throws Exception {
        List<DecisionResult> results = decide(recorder, 5, "M-1");
        String victim = results.get(2).answer().decisionId();
        db.store(v2);

        assertThat(db.update("UPDATE decision_record SET " + column + " = ? WHERE decision_id = ?",
                alteredValue(column, results.get(2)), victim)).isEqualTo(1);
        Verification verification = verifier().verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBreak().decisionId()).isEqualTo(victim);
        assertThat(verification.firstBreak().reason()).contains("does not match its hash");
        assertThat(verification.recordsChecked()).isEqualTo(5);
    }

    private static Object alteredValue(String column, DecisionResult original) {
        return switch (column) {
            case "answer_body" -> new String(original.json(), StandardCharsets.UTF_8)
                    .replace("\"APPROVED\"", "\"REJECTED\"").getBytes(StandardCharsets.UTF_8);
            case "request_body" -> request("CASE-M-1-2", "M-FORGED").getBytes(StandardCharsets.UTF_8);
            case "ruleset_version" -> v2.version();
            case "as_of" -> original.answer().asOf().minusDays(1);
            case "requested_by" -> "someone-else";
            case "verdict" -> "REJECTED";
            default -> throw new IllegalArgumentException(column);
        };
    }

    @Test
    void aRecordDeletedFromTheDatabaseBreaksTheChainAtTheNextRecord() throws Exception {
        List<DecisionResult> results = decide(recorder, 4, "M-1");

        db.update("DELETE FROM decision_record WHERE decision_id = ?", results.get(1).answer().decisionId());
        Verification verification = verifier().verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBreak().decisionId()).isEqualTo(results.get(2).answer().decisionId());
        assertThat(verification.firstBreak().reason()).contains("sequence 3 follows 1");
    }

    @Test
    void aRuleSetSnapshotAlteredInTheDatabaseIsReportedAndNotReplayedWith() throws Exception {
        String id = decide(recorder, 1, "M-1").get(0).answer().decisionId();
        db.update("UPDATE ruleset_snapshot SET files = REPLACE(files, '10.00', '1.00') WHERE version = ?",
                v1.version());

        Verification verification = verifier().verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBreak()).isNull();
        assertThat(verification.snapshotBreaks()).extracting(Verification.SnapshotBreak::version)
                .containsExactly(v1.version());
        assertThatThrownBy(() -> replays(v2).replay(id, null)).isInstanceOf(SnapshotIntegrityException.class);
    }

    @Test
    void theSameKeyWithTheSameBodyAnswersTheRecordedDecisionWithoutASecondRecord() throws Exception {
        String request = request("CASE-1", "M-1");
        DecisionResult first = decideAndRecord(recorder, v1, request, "key-1");
        DecisionResult retry = decideAndRecord(recorder, v1, request, "key-1");

        assertThat(retry.answer().decisionId()).isEqualTo(first.answer().decisionId());
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(recorder.byIdempotencyKey("key-1")).get()
                .extracting(DecisionRecord::decisionId).isEqualTo(first.answer().decisionId());
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(1);
        assertThat(verifier().verify().intact()).isTrue();
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
        decideAndRecord(recorder, v1, request("CASE-1", "M-1"), "key-1");

        assertThatThrownBy(() -> decideAndRecord(recorder, v1, request("CASE-2", "M-1"), "key-1"))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyOnTwoInstancesMakeOneRecordAndAllGetItsDecision() throws Exception {
        DecisionRecorder other = newRecorder("writer-b");
        String request = request("CASE-RETRY", "M-1");

        List<DecisionResult> results = inParallel(8,
                i -> () -> decideAndRecord(i % 2 == 0 ? recorder : other, v1, request, "retry-key"));

        assertThat(results).extracting(r -> r.answer().decisionId()).containsOnly(
                results.get(0).answer().decisionId());
        assertThat(db.count("SELECT COUNT(*) FROM decision_record WHERE idempotency_key = ?", "retry-key"))
                .isEqualTo(1);
        decide(recorder, 1, "M-1");
        decide(other, 1, "M-1");
        assertThat(verifier().verify().intact()).as("failed inserts leave no gap in a chain").isTrue();
    }

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
        RecordedDecisions decisions = new RecordedDecisions(db.records(), ZoneOffset.UTC, 2);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            DecisionPage page = decisions.list("M-LIST-1", null, null, null, null, "2", cursor);
            pageSizes.add(page.items().size());
            page.items().forEach(item -> seen.add(item.decisionId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(decisions.list("M-LIST-2", null, null, null, null, "2", null).nextCursor())
                .as("a page that holds the last decision has no next cursor").isNull();

        List<String> newestFirst = new ArrayList<>(m1.stream().map(r -> r.answer().decisionId()).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(decisions.list(null, "APPROVED", null, null, v1.version(), null, null).items()).hasSize(7);
        assertThat(decisions.list(null, "REJECTED", null, null, null, null, null).items()).isEmpty();
        assertThat(decisions.list(null, null, null, null, v2.version(), null, null).items()).isEmpty();
        DecisionSummary third = decisions.list("M-LIST-1", null, null, null, null, "3", null).items().get(2);
        assertThat(decisions.list("M-LIST-1", null, third.recordedAt().toString(), null, null, null, null).items())
                .extracting(DecisionSummary::decisionId).contains(third.decisionId()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void exportsEveryRecordOfTheRangeAsOneJsonLineOldestFirst() throws Exception {
        List<DecisionResult> results = decide(recorder, 5, "M-EXPORT");
        RecordedDecisions decisions = new RecordedDecisions(db.records(), ZoneOffset.UTC, 2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decisions.export(decisions.exportRange(null, null), out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(5);
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = RequestJson.read(lines[i]);
            assertThat(line.get("decisionId").asText()).isEqualTo(results.get(i).answer().decisionId());
            assertThat(line.get("request")).isEqualTo(RequestJson.read(request("CASE-M-EXPORT-" + i, "M-EXPORT")));
            assertThat(line.get("answer")).isEqualTo(RequestJson.read(results.get(i).json()));
            assertThat(line.get("chain").get("sequence").asLong()).isEqualTo(i + 1);
        }
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        decisions.export(decisions.exportRange("2000-01-01", "2000-01-02"), none);
        assertThat(none.size()).isZero();
    }

    /** Runs {@code n} tasks at once, released together, and answers their results in task order. */
    static <T> List<T> inParallel(int n, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> callable = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return callable.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
