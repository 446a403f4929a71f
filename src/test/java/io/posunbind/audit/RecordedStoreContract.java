package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.ruleset.RuleSetCache;
import io.posunbind.ruleset.RuleSetLease;

/**
 * A store recorded by an earlier build ({@link RecordedStoreFixture}: 71 decisions, two writers, two rule-set
 * versions) upgraded to this build's schema and read by this build's code: every decision of it replays identical
 * against the version that decided it, and the chains verify intact. It guards replay across every change to the
 * engine, the answer's shape, the schema and the hashing: a recorded decision must stay provable.
 */
abstract class RecordedStoreContract {
    static CompiledRuleSet active;
    static RecordedStoreFixture fixture;

    TestDatabase db;

    abstract boolean postgres();

    @BeforeAll
    static void compileTheShippedRules() {
        active = new RuleSetCompiler().compile(RuleFiles.readDirectory(Path.of("rules")));
        fixture = RecordedStoreFixture.load();
    }

    @AfterAll
    static void release() {
        active.close();
    }

    @BeforeEach
    void upgradeTheRecordedStore(@TempDir Path directory) throws Exception {
        db = TestDatabase.atSchemaVersion(postgres(), directory, fixture.schemaVersion());
        fixture.insertInto(db.dataSource());
        db.migrate();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void theUpgradedStoreVerifiesIntact() {
        // What the first start on the upgraded store does: its earlier versions and activations become events.
        Verification before = new ChainVerifier(db.records(), db.ruleSets(), 50).verify();
        assertThat(before.governanceBreaks()).isNotEmpty().allMatch(b -> b.reason().contains("no stored event")
                || b.reason().contains("no activated event"));
        assertThat(db.ruleSets().recordEarlierHistory(java.time.Instant.now())).isPositive();

        Verification verification = new ChainVerifier(db.records(), db.ruleSets(), 50).verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.governanceBreaks()).isEmpty();
        assertThat(verification.recordsChecked()).isEqualTo(fixture.decisionIds().size());
        assertThat(verification.chains()).hasSize(2);
        assertThat(verification.snapshotsChecked()).isEqualTo(2);
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedDecisionReplaysIdenticalAgainstItsVersion() {
        ReplayService replays = new ReplayService(db.records(), db.ruleSets(),
                new RuleSetCache(() -> RuleSetLease.of(active), 4), active::version, Clock.systemUTC());
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : fixture.decisionIds()) {
            tests.add(DynamicTest.dynamicTest(id, () -> {
                Replay replay = replays.replay(id, null);
                assertThat(replay.differences()).as("differences of %s", id).isEmpty();
                assertThat(replay.identical()).isTrue();
                assertThat(replay.rulesetVersion()).isEqualTo(replay.recordedRulesetVersion());
            }));
        }
        return tests.stream();
    }
}
