package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.RuleFiles;

/**
 * Four-eyes in the lifecycle itself (startup, reload, the author's own approval) and the governance log's checks:
 * every alteration, deletion and inserted row is found. Plain JUnit over an H2 file database.
 */
class GovernanceLogTest {
    @TempDir
    Path work;
    private Path rules;
    private MigratedH2 store;
    private javax.sql.DataSource dataSource;

    @BeforeEach
    void freshStoreAndDirectory() throws IOException, SQLException {
        rules = work.resolve("rules");
        LifecycleFixtures.copy(LifecycleFixtures.SOURCE, rules);
        store = new MigratedH2(work.resolve("db"));
        dataSource = store.dataSource;
    }

    @AfterEach
    void closeStore() throws SQLException {
        store.close();
    }

    private LifecycleInstance instance(String id) {
        return new LifecycleInstance(dataSource, rules, id, 1);
    }

    private String upload(LifecycleInstance instance, String fee, String by) {
        return instance.lifecycle.upload(LifecycleFixtures.body(LifecycleFixtures.withFee(fee), null)
                .getBytes(StandardCharsets.UTF_8), by).version().version();
    }

    private void sql(String statement) throws SQLException {
        store.sql(statement);
    }

    @Test
    void theAuthorCannotApproveTheirOwnVersionAndAnUnapprovedOneIsNotActivated() {
        try (LifecycleInstance a = instance("a").start()) {
            String candidate = upload(a, "21.00", "officer");
            assertThatThrownBy(() -> a.lifecycle.approve(candidate, "officer", "looks fine"))
                    .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.refusal())
                            .isEqualTo(GovernanceException.Refusal.OWN_VERSION))
                    .hasMessageContaining("its approval must come from a rules approver other than its author");
            assertThatThrownBy(() -> a.lifecycle.activate(candidate, "officer", null))
                    .isInstanceOf(GovernanceException.class).hasMessageContaining("needs 1 approval");

            assertThat(a.lifecycle.approve(candidate, "second", "checked").approved()).isTrue();
            assertThat(a.lifecycle.activate(candidate, "officer", null).version()).isEqualTo(candidate);
        }
    }

    @Test
    void aChangedDirectoryAtARestartIsStoredAndWaitsForItsApproval() throws IOException {
        String first;
        try (LifecycleInstance a = instance("a").start()) {
            first = a.active.version();
            assertThat(a.store.events(first)).extracting(RuleSetEvent::kind).containsExactly("stored", "activated");
            assertThat(a.store.find(first).orElseThrow().createdBy()).isEqualTo("system:startup");
        }
        Map<String, String> changed = LifecycleFixtures.withFee("22.00");
        for (Map.Entry<String, String> file : changed.entrySet()) {
            Files.writeString(rules.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        String next = RuleFiles.of(changed).version();
        try (LifecycleInstance b = instance("b").start()) {
            assertThat(b.active.version()).as("not approved: the first version keeps deciding").isEqualTo(first);
            assertThat(b.store.find(next)).isPresent();
            assertThatThrownBy(() -> b.lifecycle.reload("officer", RuleSetLifecycle.RELOAD))
                    .isInstanceOf(GovernanceException.class)
                    .hasMessageContaining("The rules directory's version is stored; it is not activated");
            b.lifecycle.approve(next, "approver", "reviewed");
        }
        try (LifecycleInstance c = instance("c").start()) {
            assertThat(c.active.version()).as("approved: it becomes active at the next start").isEqualTo(next);
        }
    }

    @Test
    void aVersionWhoseStoredFilesWereAlteredCannotBeApprovedActivatedScheduledOrReloadedButCanBeRead()
            throws SQLException {
        try (LifecycleInstance a = instance("a").start()) {
            String candidate = upload(a, "25.50", "officer");
            a.lifecycle.approve(candidate, "approver", "reviewed");
            sql("UPDATE ruleset_snapshot SET files = REPLACE(files, '25.50', '99.99') WHERE version = '" + candidate
                    + "'");

            assertThatThrownBy(() -> a.lifecycle.approve(candidate, "second", "again"))
                    .isInstanceOf(SnapshotIntegrityException.class).hasMessageContaining(candidate);
            assertThatThrownBy(() -> a.lifecycle.activate(candidate, "officer", null))
                    .isInstanceOf(SnapshotIntegrityException.class).hasMessageContaining(candidate);
            assertThatThrownBy(() -> a.lifecycle.schedule(candidate, java.time.Instant.now().plusSeconds(60),
                    "officer", null)).isInstanceOf(SnapshotIntegrityException.class);
            RuleSetSnapshot altered = a.store.snapshot(candidate);
            assertThat(altered.intact()).isFalse();
            assertThat(altered.files().toString()).contains("99.99");

            // the rules directory holding the same version: reload refuses it too
            for (Map.Entry<String, String> file : LifecycleFixtures.withFee("25.50").entrySet()) {
                try {
                    Files.writeString(rules.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            assertThatThrownBy(() -> a.lifecycle.reload("officer", RuleSetLifecycle.RELOAD))
                    .isInstanceOf(SnapshotIntegrityException.class).hasMessageContaining(candidate);
        }
    }

    @Test
    void withNoApprovalRequiredAStoredVersionIsActivatedAtOnce() {
        try (LifecycleInstance a = new LifecycleInstance(dataSource, rules, "a", 0).start()) {
            String candidate = upload(a, "23.00", "officer");
            assertThat(a.lifecycle.activate(candidate, "officer", null).changed()).isTrue();
        }
    }

    @Test
    void verifyFindsEveryAlteredDeletedAndInsertedGovernanceRow() throws SQLException {
        String candidate;
        try (LifecycleInstance a = instance("a").start()) {
            candidate = upload(a, "24.00", "officer");
            a.lifecycle.reject(candidate, "approver", "not yet");
            a.lifecycle.approve(candidate, "approver", "now");
            a.lifecycle.activate(candidate, "officer", "live");
            assertThat(a.store.checkGovernance().breaks()).isEmpty();
            assertThat(a.store.checkGovernance().eventsChecked()).isEqualTo(6);
        }
        sql("UPDATE ruleset_event SET comment = 'approved at once' WHERE kind = 'rejected'");
        sql("DELETE FROM ruleset_event WHERE kind = 'approved'");
        sql("UPDATE ruleset_activation SET activated_by = 'intruder' WHERE version = '" + candidate + "'");
        sql("UPDATE ruleset_version SET created_by = 'someone else' WHERE version = '" + candidate + "'");
        sql("INSERT INTO ruleset_activation (version, activated_at, activated_by, instance_id, reason) VALUES ('"
                + candidate + "', CURRENT_TIMESTAMP, 'intruder', 'x', 'activate')");

        GovernanceCheck check = new RuleSetStore(new io.posunbind.storage.Storage.Database("test", dataSource))
                .checkGovernance();
        assertThat(check.breaks()).extracting(GovernanceCheck.Break::reason)
                .anyMatch(r -> r.startsWith("altered: its content no longer hashes"))
                .anyMatch(r -> r.contains("event 5 is missing before it: deleted from the log"))
                .anyMatch(r -> r.contains("differs from the event that recorded it: activatedBy was altered"))
                .anyMatch(r -> r.contains("the version's row differs from what was recorded when it was stored: "
                        + "createdBy was altered"))
                .anyMatch(r -> r.contains("has no activated event: it was inserted outside the service"));
        assertThat(check.breaks()).filteredOn(b -> "createdBy".equals(b.field())).singleElement()
                .satisfies(b -> assertThat(b.version()).isEqualTo(candidate));
    }
}
