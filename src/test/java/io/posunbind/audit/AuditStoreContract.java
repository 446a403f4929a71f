package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.decideAndRecord;
import static io.posunbind.audit.AuditFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.posunbind.decision.IdempotencyConflictException;
import io.posunbind.engine.DecisionResult;
import io.posunbind.ruleset.SnapshotIntegrityException;

/**
 * Recording and verifying, the same on every database: {@link H2AuditStoreTest} runs it on an H2 file,
 * {@link PostgresAuditStoreTest} on the real PostgreSQL.
 */
abstract class AuditStoreContract extends AuditStoreSetup {

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
    void verifyReportsEveryBreakEachNamedWithItsKindAndFieldAndCountsThem() throws Exception {
        List<DecisionResult> results = decide(recorder, 8, "M-1");
        String amountAltered = results.get(1).answer().decisionId();
        String verdictEdited = results.get(6).answer().decisionId();
        String answer = new String(results.get(1).json(), StandardCharsets.UTF_8);
        String forged = answer.replaceFirst("\"amount\":10\\.00", "\"amount\":1.00");
        assertThat(forged).isNotEqualTo(answer);
        db.update("UPDATE decision_record SET answer_body = ? WHERE decision_id = ?",
                forged.getBytes(StandardCharsets.UTF_8), amountAltered);
        db.update("DELETE FROM decision_record WHERE decision_id = ?", results.get(4).answer().decisionId());
        db.update("UPDATE decision_record SET verdict = ? WHERE decision_id = ?", "MANUAL_REVIEW", verdictEdited);

        Verification verification = verifier().verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.breakCount()).isEqualTo(3);
        assertThat(verification.breaks()).extracting(Verification.RecordBreak::kind)
                .containsExactly("altered", "deleted", "summary-column");
        assertThat(verification.breaks().get(0).decisionId()).isEqualTo(amountAltered);
        assertThat(verification.breaks().get(1).decisionId()).isEqualTo(results.get(5).answer().decisionId());
        assertThat(verification.breaks().get(1).reason()).contains("sequence 6 follows 4");
        assertThat(verification.breaks().get(2).decisionId()).isEqualTo(verdictEdited);
        assertThat(verification.breaks().get(2).field()).isEqualTo("verdict");
        assertThat(verification.breaks().get(2).reason()).contains("its verdict column says MANUAL_REVIEW");
        assertThat(verification.firstBreak().decisionId()).isEqualTo(amountAltered);
        assertThat(new ChainVerifier(db.records(), db.ruleSets(), 50, 1).verify())
                .satisfies(v -> assertThat(v.breaks()).hasSize(1))
                .satisfies(v -> assertThat(v.breakCount()).isEqualTo(3));
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
}
