package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.DecisionResult;

/** The tree over the real PostgreSQL, each test in a database of its own; and the monthly partitions there. */
@ExtendWith(PostgresCondition.class)
class PostgresTreeTest extends TreeContract {
    @Override
    TestDatabase openDatabase(Path directory) {
        return TestDatabase.postgres();
    }

    @Test
    void retentionDropsTheMonthsItPurgesWholeAndDeletesTheRestAndVerifyStaysIntact(@TempDir Path archiveDir)
            throws Exception {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth old = now.minusMonths(4);
        YearMonth lessOld = now.minusMonths(3);
        DecisionPartitions partitions = new DecisionPartitions(db.database());
        assertThat(partitions.partitioned()).isTrue();
        // the migration made the current month's partition and the next two; the service's step makes none more
        assertThat(partitions.ensureAhead(Instant.now())).isEmpty();
        // records of two months before any partition of theirs existed: they land in the default partition
        decide(new DecisionRecorder(db.records(), clockAt(old, 10), "writer-old", null), 3, "M-OLD");
        decide(new DecisionRecorder(db.records(), clockAt(lessOld, 20), "writer-less-old", null), 2, "M-OLD");
        decide(recorder, 2, "M-NEW");
        assertThat(db.count("SELECT COUNT(*) FROM decision_record_default")).isEqualTo(5);
        // making the old month's partition moves its records out of the default one, in one transaction
        assertThat(partitions.ensure(old)).isTrue();
        assertThat(db.count("SELECT COUNT(*) FROM " + DecisionPartitions.Partition.tableOf(old))).isEqualTo(3);
        assertThat(db.count("SELECT COUNT(*) FROM decision_record_default")).isEqualTo(2);
        assertThat(partitions.ensure(old)).as("made once").isFalse();
        TransparencyLog log = db.log();
        log.checkpointNow();
        RecordedDecisions reads = new RecordedDecisions(db.records(), log, Clock.systemUTC(), ZoneOffset.UTC, 50);
        Retention retention = new Retention(new AuditArchives(db.database()), reads, log, db.key(),
                Clock.systemUTC(), Optional.of(Period.ofMonths(2)), archiveDir, ZoneOffset.UTC, "test", 50);
        Instant cutoff = now.minusMonths(2).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        Retention.ArchiveResult result = retention.archive(cutoff, "auditor").orElseThrow();

        assertThat(result.purgedCount()).isEqualTo(5);
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(DecisionPartitions.months(c)).extracting(DecisionPartitions.Partition::month)
                    .as("the old month was dropped whole").doesNotContain(old).contains(now);
        }
        assertThat(db.count("SELECT COUNT(*) FROM decision_record_default")).as("the rest deleted").isZero();
        assertThat(db.count("SELECT COUNT(*) FROM decision_record")).isEqualTo(2);
        Verification v = db.verifier(100).verify();
        assertThat(v.breaks()).isEmpty();
        assertThat(v.intact()).isTrue();
        assertThat(v.tree().purged()).isEqualTo(5);
    }

    @Test
    void anIdempotencyKeyHoldsAcrossMonths() throws Exception {
        YearMonth old = YearMonth.now(ZoneOffset.UTC).minusMonths(5);
        DecisionRecorder past = new DecisionRecorder(db.records(), clockAt(old, 3), "writer-old", null);
        DecisionResult first = AuditFixtures.decideAndRecord(past, v1, AuditFixtures.request("CASE-K", "M-K"),
                "key-across-months");
        DecisionRecord stored = db.records().find(first.answer().decisionId()).orElseThrow();
        // the same key recorded again now, in another month's partition, as a concurrent retry would
        NewRecord again = new NewRecord("01900000-0000-7000-8000-00000000000b", "auditor-test",
                "key-across-months", stored.rulesetVersion(), stored.asOf(), stored.caseId(), stored.merchantId(),
                stored.verdict(), stored.requestBody(), stored.answerBody());

        assertThatThrownBy(() -> recorder.record(again)).isInstanceOf(IdempotencyKeyTakenException.class);
        assertThat(db.count("SELECT COUNT(*) FROM decision_record WHERE idempotency_key = 'key-across-months'"))
                .isEqualTo(1);
        assertThat(db.verifier(100).verify().intact()).as("the refused record took nothing from the chain").isTrue();
    }

    private static Clock clockAt(YearMonth month, int day) {
        return Clock.fixed(month.atDay(day).atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
