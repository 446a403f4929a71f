package io.posunbind.audit;

import static io.posunbind.audit.AuditFixtures.decideAndRecord;
import static io.posunbind.audit.AuditFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionResult;
import io.posunbind.ruleset.Activation;

/**
 * On H2 every answered decision and every rule-set write is in the database file when the caller hears of it, not
 * only in H2's memory (H2 writes its commits in the background, within WRITE_DELAY, unless told otherwise). The
 * test copies the file while the database is still open, right after the answers, as a crash at that moment would
 * leave it, and opens the copy.
 */
class H2DurabilityTest {
    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile(@TempDir Path directory) {
        rules = AuditFixtures.compile(AuditFixtures.rulesWithHandlingFee(directory, "10.00"));
    }

    @AfterAll
    static void release() {
        rules.close();
    }

    @Test
    void whatWasAnsweredIsInTheFileBeforeH2WritesItInTheBackground(@TempDir Path live, @TempDir Path crashed)
            throws Exception {
        try (TestDatabase db = TestDatabase.h2(live)) {
            db.store(rules);
            DecisionRecorder recorder = new DecisionRecorder(db.records(), Clock.system(ZoneOffset.UTC), "writer-a",
                    null);
            List<String> answered = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                DecisionResult result = decideAndRecord(recorder, rules, request("CASE-D-" + i, "M-D"), null);
                answered.add(result.answer().decisionId());
            }
            Activation activation = db.ruleSets().activate(rules.version(), Instant.now(), "admin", "instance-a",
                    "test", null, null);

            // H2's background writer would write these within WRITE_DELAY (500 ms); copy before it can
            Files.copy(live.resolve("unbind.mv.db"), crashed.resolve("unbind.mv.db"));

            try (TestDatabase copy = TestDatabase.h2(crashed)) {
                for (String id : answered) {
                    assertThat(copy.records().find(id)).as("answered decision %s is in the file", id).isPresent();
                }
                assertThat(copy.ruleSets().files(rules.version())).as("the rule set that decided")
                        .isEqualTo(rules.files());
                assertThat(copy.ruleSets().find(rules.version())).as("its version").isPresent();
                assertThat(copy.ruleSets().latestActivation()).as("the activation")
                        .hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(activation.id()));
            }
        }
    }
}
