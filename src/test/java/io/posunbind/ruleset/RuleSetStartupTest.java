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
import io.posunbind.engine.RuleSetException;

/**
 * Which rule set a (re)started instance decides with, and how instances sharing a database follow an activation.
 * Plain JUnit over an H2 file database migrated by the service's own migrations.
 */
class RuleSetStartupTest {
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
        return new LifecycleInstance(dataSource, rules, id);
    }

    private void write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(rules.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> broken() {
        Map<String, String> files = LifecycleFixtures.withFee("40.00");
        files.put("fees/handling.drl", files.get("fees/handling.drl").replace("insert(", "System.exit(1); insert("));
        return files;
    }

    @Test
    void aFreshStoreStartsOnTheDirectoryAndRecordsItsActivation() {
        try (LifecycleInstance first = instance("a").start()) {
            String version = RuleFiles.of(LifecycleFixtures.withFee("10.00")).version();
            assertThat(first.active.version()).isEqualTo(version);
            assertThat(first.store.latestActivation()).get()
                    .satisfies(a -> assertThat(a.version()).isEqualTo(version))
                    .satisfies(a -> assertThat(a.reason()).isEqualTo("startup"));
            assertThat(first.store.find(version)).get().satisfies(v -> assertThat(v.source()).isEqualTo("directory"));
        }
    }

    @Test
    void aBrokenDirectoryWithNothingActiveInTheStoreRefusesToStartNamingTheProblem() throws IOException {
        write(broken());

        try (LifecycleInstance first = instance("a")) {
            assertThatThrownBy(first::start).isInstanceOf(RuleSetException.class)
                    .hasMessageContaining("the service does not start")
                    .hasMessageContaining("fees/handling.drl:12:5")
                    .hasMessageContaining("`System` is not allowed");
        }
    }

    @Test
    void restartedOnABrokenDirectoryItStartsOnTheLastActiveVersion() throws IOException {
        String good;
        try (LifecycleInstance first = instance("a").start()) {
            good = first.active.version();
        }
        write(broken());

        try (LifecycleInstance restarted = instance("b").start()) {
            assertThat(restarted.active.version()).isEqualTo(good);
            assertThat(restarted.store.latestActivation()).get()
                    .satisfies(a -> assertThat(a.instanceId()).isEqualTo("a"));
        }
    }

    @Test
    void aRestartKeepsAnActivationMadeSinceAndAChangedDirectoryBecomesActive() throws IOException {
        String uploaded;
        try (LifecycleInstance first = instance("a").start()) {
            uploaded = first.lifecycle.upload(LifecycleFixtures.body(LifecycleFixtures.withFee("25.00"), null)
                    .getBytes(StandardCharsets.UTF_8), "officer").version().version();
            first.lifecycle.activate(uploaded, "officer", null);
        }
        try (LifecycleInstance restarted = instance("b").start()) {
            assertThat(restarted.active.version()).as("the directory was active before: the later activation stays")
                    .isEqualTo(uploaded);
        }
        write(LifecycleFixtures.withFee("30.00"));
        try (LifecycleInstance restarted = instance("c").start()) {
            assertThat(restarted.active.version()).isEqualTo(RuleFiles.of(LifecycleFixtures.withFee("30.00"))
                    .version());
        }
    }

    @Test
    void aStoredVersionIsNotValidatedAgainAtStartup() {
        try (LifecycleInstance first = instance("a").start()) {
            assertThat(first.validations.get()).isEqualTo(1);
        }
        try (LifecycleInstance restarted = instance("b").start()) {
            assertThat(restarted.validations.get()).isZero();
        }
    }

    @Test
    void anotherInstanceFollowsAnActivationStoredInTheDatabase() {
        try (LifecycleInstance a = instance("a").start(); LifecycleInstance b = instance("b").start()) {
            String candidate = a.lifecycle.upload(LifecycleFixtures.body(LifecycleFixtures.withFee("25.00"), null)
                    .getBytes(StandardCharsets.UTF_8), "").version().version();
            a.lifecycle.activate(candidate, "officer", null);

            assertThat(b.active.version()).isNotEqualTo(candidate);
            assertThat(b.lifecycle.followStore()).isTrue();
            assertThat(b.active.version()).isEqualTo(candidate);
            assertThat(b.lifecycle.followStore()).isFalse();
        }
    }

    @Test
    void theDirectoryWatchReloadsAChangeIgnoresABrokenOneAndNeverUndoesAnActivation() throws IOException {
        try (LifecycleInstance instance = instance("a").start()) {
            String ten = instance.active.version();
            RuleSetPolling watch = new RuleSetPolling(instance.lifecycle, java.time.Duration.ZERO,
                    java.util.Optional.of(java.time.Duration.ofSeconds(1)));
            watch.watch();
            assertThat(instance.active.version()).as("an unchanged directory changes nothing").isEqualTo(ten);

            write(LifecycleFixtures.withFee("30.00"));
            watch.watch();
            String thirty = RuleFiles.of(LifecycleFixtures.withFee("30.00")).version();
            assertThat(instance.active.version()).isEqualTo(thirty);
            assertThat(instance.store.latestActivation()).get()
                    .satisfies(a -> assertThat(a.reason()).isEqualTo("watch"));

            write(broken());
            watch.watch();
            assertThat(instance.active.version()).as("a broken change leaves the last good set").isEqualTo(thirty);

            write(LifecycleFixtures.withFee("30.00"));
            watch.watch();
            instance.lifecycle.activate(ten, "officer", null);
            watch.watch();
            assertThat(instance.active.version()).as("the watch does not undo a rollback").isEqualTo(ten);
        }
    }
}
