package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.decideAndRecord;
import static io.posunbind.audit.AuditFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionResult;

/**
 * Group commit on a real database ({@link H2GroupCommitTest}, {@link PostgresGroupCommitTest}). The writer is held
 * inside its first transaction by a gate, so the decisions that arrive meanwhile are certainly queued together;
 * what is then committed, failed and chained is read back from the database.
 */
abstract class GroupCommitContract {
    private static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    private static final GroupCommit.Settings SETTINGS = new GroupCommit.Settings(64, Duration.ofMillis(1), 1024);
    static CompiledRuleSet rules;

    TestDatabase db;
    GatedRecords gated;
    DecisionRecorder recorder;
    ExecutorService callers = Executors.newCachedThreadPool();

    abstract TestDatabase openDatabase(Path directory);

    @BeforeAll
    static void compileRuleSet(@TempDir Path directory) {
        rules = AuditFixtures.compile(AuditFixtures.rulesWithHandlingFee(directory, "10.00"));
    }

    @AfterAll
    static void releaseRuleSet() {
        rules.close();
    }

    @BeforeEach
    void openStore(@TempDir Path directory) {
        db = openDatabase(directory);
        db.store(rules);
        gated = new GatedRecords(db.database());
    }

    @AfterEach
    void closeStore() throws Exception {
        gated.open();
        if (recorder != null) {
            recorder.close();
        }
        callers.shutdownNow();
        db.close();
    }

    @Test
    void decisionsArrivingWhileTheWriterCommitsShareTheNextTransaction() throws Exception {
        recorder = recorder(SETTINGS);
        Future<DecisionResult> first = holdTheWriterWithOneDecision();
        List<Future<DecisionResult>> queued = decideConcurrently(20, i -> null);
        waitUntil(() -> recorder.groupCommit().waiting() == 20);

        gated.open();

        List<String> ids = new ArrayList<>();
        ids.add(first.get(10, TimeUnit.SECONDS).answer().decisionId());
        for (Future<DecisionResult> f : queued) {
            ids.add(f.get(10, TimeUnit.SECONDS).answer().decisionId());
        }
        assertThat(recorder.groupCommit().transactions()).isEqualTo(2);
        assertThat(gated.transactions()).isEqualTo(2);
        for (String id : ids) {
            assertThat(db.records().find(id)).as("decision %s answered, so stored", id).isPresent();
        }
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(21);
        assertThat(db.count("SELECT MAX(writer_seq) FROM decision_record WHERE writer_id = ?", "writer-g"))
                .isEqualTo(21);
        Verification verification = new ChainVerifier(db.records(), db.ruleSets(), 50).verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(21);
    }

    @Test
    void aBatchThatFailsAnswersNoneOfItsDecisionsAndStoresNoneOfThem() throws Exception {
        recorder = recorder(SETTINGS);
        Future<DecisionResult> first = holdTheWriterWithOneDecision();
        List<Future<DecisionResult>> queued = decideConcurrently(5, i -> null);
        waitUntil(() -> recorder.groupCommit().waiting() == 5);
        // the last row of the next batch breaks a constraint in the database, after the others were inserted
        gated.breakLastRowOfNextBatch();

        gated.open();

        String firstId = first.get(10, TimeUnit.SECONDS).answer().decisionId();
        for (Future<DecisionResult> f : queued) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    DecisionNotRecordedException.class);
        }
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(1);
        assertThat(db.records().find(firstId)).isPresent();

        DecisionResult after = decideAndRecord(recorder, rules, request("CASE-after", "M-9"), null);
        DecisionRecord stored = db.records().find(after.answer().decisionId()).orElseThrow();
        assertThat(stored.sequence()).isEqualTo(2);
        assertThat(new ChainVerifier(db.records(), db.ruleSets(), 50).verify().intact()).isTrue();
    }

    @Test
    void aFullQueueRefusesTheDecisionAtOnceAndRecordsNothingOfIt() throws Exception {
        recorder = recorder(new GroupCommit.Settings(64, Duration.ofMillis(1), 2));
        Future<DecisionResult> first = holdTheWriterWithOneDecision();
        List<Future<DecisionResult>> queued = decideConcurrently(2, i -> null);
        waitUntil(() -> recorder.groupCommit().waiting() == 2);

        assertThatThrownBy(() -> decideAndRecord(recorder, rules, request("CASE-refused", "M-refused"), null))
                .isInstanceOf(DecisionNotRecordedException.class)
                .hasMessageContaining("too many decisions are waiting to be recorded");

        gated.open();
        first.get(10, TimeUnit.SECONDS);
        for (Future<DecisionResult> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(3);
        assertThat(db.count("SELECT COUNT(*) FROM decision_record WHERE merchant_id = ?", "M-refused")).isZero();
    }

    @Test
    void twoRetriesWithOneIdempotencyKeyInOneBatchRecordOnceAndAnswerTheSameDecision() throws Exception {
        recorder = recorder(SETTINGS);
        Future<DecisionResult> first = holdTheWriterWithOneDecision();
        String sameRequest = request("CASE-retry", "M-retry");
        List<Future<DecisionResult>> retries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            retries.add(callers.submit(() -> decideAndRecord(recorder, rules, sameRequest, "key-retry")));
        }
        Future<DecisionResult> other = callers.submit(() ->
                decideAndRecord(recorder, rules, request("CASE-other", "M-other"), null));
        waitUntil(() -> recorder.groupCommit().waiting() == 3);

        gated.open();

        first.get(10, TimeUnit.SECONDS);
        String a = retries.get(0).get(10, TimeUnit.SECONDS).answer().decisionId();
        String b = retries.get(1).get(10, TimeUnit.SECONDS).answer().decisionId();
        assertThat(a).isEqualTo(b);
        assertThat(db.records().find(other.get(10, TimeUnit.SECONDS).answer().decisionId())).isPresent();
        assertThat(db.count("SELECT COUNT(*) FROM decision_record WHERE idempotency_key = ?", "key-retry"))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(3);
        assertThat(new ChainVerifier(db.records(), db.ruleSets(), 50).verify().intact()).isTrue();
    }

    @Test
    void manyConcurrentDecisionsAreAllStoredInOneUnbrokenChainInFewerTransactions() throws Exception {
        recorder = recorder(SETTINGS);
        gated.open();
        List<Future<DecisionResult>> all = decideConcurrently(200, i -> null);
        List<String> ids = new ArrayList<>();
        for (Future<DecisionResult> f : all) {
            ids.add(f.get(30, TimeUnit.SECONDS).answer().decisionId());
        }

        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(200);
        for (String id : ids) {
            assertThat(db.records().find(id)).isPresent();
        }
        assertThat(recorder.groupCommit().recordsCommitted()).isEqualTo(200);
        assertThat(recorder.groupCommit().transactions()).isLessThanOrEqualTo(200);
        Verification verification = new ChainVerifier(db.records(), db.ruleSets(), 50).verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.chains()).singleElement()
                .satisfies(chain -> assertThat(chain.lastSequence()).isEqualTo(200));
    }

    private DecisionRecorder recorder(GroupCommit.Settings settings) {
        return new DecisionRecorder(gated, CLOCK, "writer-g", settings);
    }

    /** Starts one decision and waits until the writer is inside its transaction, held by the closed gate. */
    private Future<DecisionResult> holdTheWriterWithOneDecision() throws Exception {
        Future<DecisionResult> first = callers.submit(() ->
                decideAndRecord(recorder, rules, request("CASE-first", "M-first"), null));
        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).as("the writer reached the database").isTrue();
        return first;
    }

    private List<Future<DecisionResult>> decideConcurrently(int n, java.util.function.IntFunction<String> key) {
        List<Future<DecisionResult>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(callers.submit(() -> decideAndRecord(recorder, rules,
                    request("CASE-" + index, "M-" + index), key.apply(index))));
        }
        return futures;
    }

    private static void waitUntil(Callable<Boolean> condition) {
        await("the decisions to queue").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(condition);
    }
}
