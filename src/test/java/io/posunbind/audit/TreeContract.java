package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.posunbind.engine.DecisionResult;

/**
 * The Merkle tree, its signed checkpoints and proofs over a real store, the same on every database:
 * {@link H2TreeTest} and {@link PostgresTreeTest}.
 */
abstract class TreeContract extends AuditStoreSetup {

    @Test
    void everyRecordBecomesALeafAndItsProofChecksAgainstTheSignedCheckpointIndependently() {
        List<DecisionResult> results = decide(recorder, 9, "M-1");
        decide(newRecorder("writer-b"), 4, "M-2");
        TransparencyLog log = db.log();

        TransparencyLog.CheckpointView head = log.checkpointNow();

        assertThat(head.treeSize()).isEqualTo(13);
        SignedNote.Opened opened = SignedNote.open(head.signedNote(), List.of(db.key().verifier()));
        assertThat(opened.signedBy()).isPresent();
        Checkpoint checkpoint = Checkpoint.parse(opened.text());
        for (DecisionResult r : results) {
            TransparencyLog.Proof proof = log.proof(r.answer().decisionId());
            assertThat(proof.checkpoint()).isEqualTo(head.signedNote());
            byte[] leaf = Rfc9162Checker.leaf(HexFormat.of().parseHex(proof.recordHash()));
            assertThat(HexFormat.of().formatHex(leaf)).isEqualTo(proof.leafHash());
            List<byte[]> path = proof.auditPath().stream().map(HexFormat.of()::parseHex).toList();
            assertThat(Rfc9162Checker.verifyInclusion(proof.leafIndex(), proof.treeSize(), leaf, path,
                    checkpoint.root())).as("the proof of %s", r.answer().decisionId()).isTrue();
        }
        assertThat(db.verifier(100).verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.tree().leavesChecked()).isEqualTo(13);
            assertThat(v.tree().checkpointsChecked()).isEqualTo(1);
            assertThat(v.tree().unsequenced()).isZero();
        });
    }

    @Test
    void twoInstancesSequencingTheSameRecordsMakeEachALeafOnceWithNoGap() throws Exception {
        List<DecisionResult> results = decide(recorder, 6, "M-1");
        AuditLeaves mine = new AuditLeaves(db.database());
        AuditLeaves theirs = new AuditLeaves(db.database());
        List<AuditLeaves.Content> all = new java.util.ArrayList<>();
        for (DecisionResult r : results) {
            all.add(AuditLeaves.Content.of(db.records().find(r.answer().decisionId()).orElseThrow()));
        }

        assertThat(theirs.append(all.subList(0, 4))).hasSize(4);
        // the first four are leaves already: the append meets their unique key, then leaves them out
        assertThat(mine.append(all)).extracting(AuditLeaves.Leaf::index).containsExactly(4L, 5L);
        assertThat(mine.append(all)).isEmpty();

        assertThat(db.count("SELECT COUNT(*) FROM audit_leaf")).isEqualTo(6);
        db.log().checkpointNow();
        assertThat(db.verifier(100).verify().intact()).isTrue();
    }

    @Test
    void consistencyBetweenTwoCheckpointsChecksIndependently() {
        decide(recorder, 5, "M-1");
        TransparencyLog log = db.log();
        TransparencyLog.CheckpointView first = log.checkpointNow();
        decide(recorder, 6, "M-1");
        TransparencyLog.CheckpointView second = log.checkpointNow();

        TransparencyLog.Consistency proof = log.consistency(first.treeSize(), second.treeSize());

        assertThat(Rfc9162Checker.verifyConsistency(5, 11, HexFormat.of().parseHex(first.rootHash()),
                HexFormat.of().parseHex(second.rootHash()),
                proof.proof().stream().map(HexFormat.of()::parseHex).toList())).isTrue();
        assertThat(db.verifier(100).verify().tree().checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void everyWayOfAlteringTheStoreAtOnceIsReportedAndReadsFlagTheAlteredRecords() throws Exception {
        List<DecisionResult> a = decide(recorder, 10, "M-1");
        decide(newRecorder("writer-b"), 3, "M-2");
        TransparencyLog log = db.log();
        log.checkpointNow();
        String amountAltered = a.get(1).answer().decisionId();
        String verdictEdited = a.get(3).answer().decisionId();
        String deleted = a.get(5).answer().decisionId();
        String rewritten = a.get(7).answer().decisionId();

        // altered content: an amount in the answer
        String answer = new String(a.get(1).json(), StandardCharsets.UTF_8);
        db.update("UPDATE decision_record SET answer_body = ? WHERE decision_id = ?",
                answer.replaceFirst("\"amount\":10\\.00", "\"amount\":1.00").getBytes(StandardCharsets.UTF_8),
                amountAltered);
        // a summary column that disagrees with the hashed answer
        db.update("UPDATE decision_record SET verdict = 'MANUAL_REVIEW' WHERE decision_id = ?", verdictEdited);
        // a deleted record
        db.update("DELETE FROM decision_record WHERE decision_id = ?", deleted);
        // a consistent rewrite: content changed and its hash recomputed, as someone with the database and the
        // documentation can do; the chain after it would need rewriting too, the tree catches it here already
        DecisionRecord original = db.records().find(rewritten).orElseThrow();
        DecisionRecord forged = new DecisionRecord(original.decisionId(), original.writerId(), original.sequence(),
                original.recordedAt(), "someone-else", original.idempotencyKey(), original.rulesetVersion(),
                original.asOf(), original.caseId(), original.merchantId(), original.verdict(), original.requestBody(),
                original.answerBody(), original.previousHash(), null);
        db.update("UPDATE decision_record SET requested_by = ?, record_hash = ? WHERE decision_id = ?",
                "someone-else", RecordHash.of(forged), rewritten);
        // an inserted record: a new one at the end of writer-a's chain that does not follow its last record
        DecisionRecord last = db.records().lastOfWriter("writer-a").orElseThrow();
        DecisionRecord inserted = new DecisionRecord("01900000-0000-7000-8000-000000000001", "writer-a",
                last.sequence() + 1, last.recordedAt(), last.requestedBy(), null, last.rulesetVersion(),
                last.asOf(), "CASE-X", last.merchantId(), last.verdict(), last.requestBody(), last.answerBody(),
                RecordHash.GENESIS, null);
        db.records().appendAll(List.of(new DecisionRecord(inserted.decisionId(), inserted.writerId(),
                inserted.sequence(), inserted.recordedAt(), inserted.requestedBy(), null, inserted.rulesetVersion(),
                inserted.asOf(), inserted.caseId(), inserted.merchantId(), inserted.verdict(), inserted.requestBody(),
                inserted.answerBody(), inserted.previousHash(), RecordHash.of(inserted))));
        // reordered leaves: two leaves of the tree swapped
        db.update("UPDATE audit_leaf SET leaf_index = -1 WHERE leaf_index = 11");
        db.update("UPDATE audit_leaf SET leaf_index = 11 WHERE leaf_index = 12");
        db.update("UPDATE audit_leaf SET leaf_index = 12 WHERE leaf_index = -1");
        // an altered snapshot and an altered version record
        db.update("UPDATE ruleset_snapshot SET files = REPLACE(files, '10.00', '1.00') WHERE version = ?",
                v1.version());
        db.update("UPDATE ruleset_version SET created_by = 'someone else' WHERE version = ?", v1.version());

        Verification v = db.verifier(100).verify();

        assertThat(v.intact()).isFalse();
        assertThat(v.breaks()).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo("altered");
            assertThat(b.decisionId()).isEqualTo(amountAltered);
        }).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo("summary-column");
            assertThat(b.decisionId()).isEqualTo(verdictEdited);
            assertThat(b.field()).isEqualTo("verdict");
        }).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo("deleted");
            assertThat(b.decisionId()).as("the tree names the deleted decision itself").isEqualTo(deleted);
        }).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo("altered");
            assertThat(b.decisionId()).isEqualTo(rewritten);
            assertThat(b.field()).isEqualTo("recordHash");
            assertThat(b.reason()).contains("rewritten");
        }).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo("inserted");
            assertThat(b.decisionId()).isEqualTo(inserted.decisionId());
        });
        assertThat(v.tree().breaks()).anySatisfy(b -> assertThat(b.reason()).contains("not to the signed root"));
        assertThat(v.tree().unsequenced()).as("the inserted record is in no tree").isEqualTo(1);
        assertThat(v.snapshotBreaks()).hasSize(1);
        assertThat(v.governanceBreaks()).isNotEmpty();
        assertThat(v.breakCount()).isGreaterThanOrEqualTo(6);

        RecordedDecisions reads = new RecordedDecisions(db.records(), log, Clock.systemUTC(), ZoneOffset.UTC, 50);
        assertThat(reads.get(amountAltered).integrity().status()).isEqualTo("altered");
        assertThat(reads.get(verdictEdited).integrity().problem()).contains("verdict column says MANUAL_REVIEW");
        assertThat(reads.get(a.get(0).answer().decisionId()).integrity().status()).isEqualTo("intact");
    }

    @Test
    void aCheckpointAlteredInTheDatabaseFailsItsSignature() throws Exception {
        decide(recorder, 3, "M-1");
        TransparencyLog.CheckpointView head = db.log().checkpointNow();
        db.update("UPDATE audit_checkpoint SET signed_note = ? WHERE tree_size = ?",
                head.signedNote().replace("\n3\n", "\n2\n"), head.treeSize());

        Verification v = db.verifier(100).verify();

        assertThat(v.intact()).isFalse();
        assertThat(v.tree().breaks()).singleElement().satisfies(b -> assertThat(b.reason())
                .contains("not signed by a trusted key"));
    }

    @Test
    void anExportChecksOfflineAndEachKindOfEditToItIsNamed() throws Exception {
        decide(recorder, 6, "M-1");
        decide(newRecorder("writer-b"), 3, "M-2");
        RecordedDecisions reads = new RecordedDecisions(db.records(), db.log(), Clock.systemUTC(), ZoneOffset.UTC,
                2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reads.export(null, null).writeTo(out);
        String export = out.toString(StandardCharsets.UTF_8);
        List<SignedNote.Verifier> key = List.of(db.key().verifier());

        assertThat(check(export, key).problems()).isEmpty();
        String[] lines = export.split("\n");

        // one changed byte in a recorded body
        String line3 = lines[3];
        int body = line3.indexOf("\"answerBody\":\"") + 20;
        char c = line3.charAt(body);
        String changed = export.replace(line3, line3.substring(0, body) + (c == 'A' ? 'B' : 'A')
                + line3.substring(body + 1));
        assertThat(check(changed, key).problems()).extracting(ExportVerifier.Problem::kind).contains("altered");

        // one removed decision line
        String removed = export.replace(lines[4] + "\n", "");
        assertThat(check(removed, key).problems()).extracting(ExportVerifier.Problem::kind)
                .contains("deleted", "cut");

        // one reordered pair
        String reordered = export.replace(lines[2] + "\n" + lines[3] + "\n", lines[3] + "\n" + lines[2] + "\n");
        assertThat(check(reordered, key).problems()).extracting(ExportVerifier.Problem::kind).contains("reordered")
                .as("a moved line is not a missing one").doesNotContain("deleted");

        // another key
        SignedNote.Verifier other = SignedNote.Signer.generate("posunbind.test/decisions").verifier();
        assertThat(check(export, List.of(other)).problems()).extracting(ExportVerifier.Problem::kind)
                .contains("signature");
    }

    @Test
    void retentionArchivesAndPurgesTheOldRecordsAndVerifyStaysIntact(@org.junit.jupiter.api.io.TempDir
                                                                    java.nio.file.Path archiveDir) throws Exception {
        decide(recorder, 5, "M-OLD");
        decide(newRecorder("writer-b"), 2, "M-OLD");
        TransparencyLog log = db.log();
        TransparencyLog.CheckpointView before = log.checkpointNow();
        Thread.sleep(5);
        java.time.Instant cutoff = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Thread.sleep(5);
        List<DecisionResult> kept = decide(recorder, 3, "M-NEW");
        RecordedDecisions reads = new RecordedDecisions(db.records(), log, Clock.systemUTC(), ZoneOffset.UTC, 50);
        Retention retention = new Retention(new AuditArchives(db.database()), reads, log, db.key(), Clock.systemUTC(),
                java.util.Optional.of(java.time.Period.ofYears(5)), archiveDir, ZoneOffset.UTC, "test", 50);

        Retention.ArchiveResult result = retention.archive(cutoff, "auditor").orElseThrow();

        assertThat(result.purgedCount()).isEqualTo(7);
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(3);
        Verification v = db.verifier(100).verify();
        assertThat(v.breaks()).isEmpty();
        assertThat(v.tree().breaks()).isEmpty();
        assertThat(v.intact()).isTrue();
        assertThat(v.tree().purged()).isEqualTo(7);
        assertThat(v.tree().archives()).singleElement().satisfies(a -> {
            assertThat(a.found()).isEqualTo(7);
            assertThat(a.purgedRoot()).isEqualTo(result.purgedRoot());
            assertThat(a.intact()).isTrue();
        });
        // the archive file checks on its own, against the checkpoint of its time
        try (BufferedReader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(result.file()))) {
            ExportVerifier.Report archived = ExportVerifier.verify(in, List.of(db.key().verifier()));
            assertThat(archived.problems()).isEmpty();
            assertThat(archived.decisions()).isEqualTo(7);
        }
        // a kept record's proof still checks against the checkpoint signed before the purge
        TransparencyLog.Proof proof = log.proof(kept.get(0).answer().decisionId());
        Checkpoint head = Checkpoint.parse(SignedNote.open(proof.checkpoint(), List.of(db.key().verifier())).text());
        assertThat(Rfc9162Checker.verifyInclusion(proof.leafIndex(), proof.treeSize(),
                HexFormat.of().parseHex(proof.leafHash()), proof.auditPath().stream().map(HexFormat.of()::parseHex)
                        .toList(), head.root())).isTrue();
        assertThat(log.consistency(before.treeSize(), proof.treeSize()).proof()).isNotEmpty();
        // an export after the purge still checks: the purged leaves come as nodes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reads.export(null, null).writeTo(out);
        assertThat(check(out.toString(StandardCharsets.UTF_8), List.of(db.key().verifier())).problems()).isEmpty();
        // nothing older is left; a record deleted after the purge is still a deletion
        assertThat(retention.archive(cutoff, "auditor")).isEmpty();
        db.update("DELETE FROM decision_record WHERE decision_id = ?", kept.get(1).answer().decisionId());
        assertThat(db.verifier(100).verify().breaks()).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo("deleted");
            assertThat(b.decisionId()).isEqualTo(kept.get(1).answer().decisionId());
        });
    }

    static ExportVerifier.Report check(String export, List<SignedNote.Verifier> keys) throws Exception {
        return ExportVerifier.verify(new BufferedReader(new StringReader(export)), keys);
    }
}
