package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.errors.InvalidRequestException;

/**
 * Scheduled activation with two instances on one store: each knows the schedule ahead of time, so the first
 * decision at or after the instant on each is decided by the new version without waiting for a poll, and the
 * activation is recorded once. Plain JUnit over an H2 file database.
 */
class ScheduledActivationTest {
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

    private String approved(LifecycleInstance instance, String fee) {
        String version = instance.lifecycle.upload(LifecycleFixtures.body(LifecycleFixtures.withFee(fee), null)
                .getBytes(StandardCharsets.UTF_8), "officer").version().version();
        instance.lifecycle.approve(version, "approver", "reviewed");
        return version;
    }

    private static String decidingAt(LifecycleInstance instance, Instant at) {
        try (RuleSetLease lease = instance.active.acquire(at)) {
            return lease.ruleSet().version();
        }
    }

    @Test
    void bothInstancesSwitchAtTheInstantAndTheActivationIsRecordedOnce() throws Exception {
        try (LifecycleInstance a = new LifecycleInstance(dataSource, rules, "a", 1).start();
             LifecycleInstance b = new LifecycleInstance(dataSource, rules, "b", 1).start()) {
            String before = a.active.version();
            String next = approved(a, "31.00");
            Instant at = Instant.now().plusMillis(1500);
            Schedule schedule = a.lifecycle.schedule(next, at, "officer", "tariff of 2027");
            b.lifecycle.followSchedules();

            assertThatThrownBy(() -> a.lifecycle.schedule(next, at, "officer", "again"))
                    .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.refusal())
                            .isEqualTo(GovernanceException.Refusal.SCHEDULE_CONFLICT));
            assertThat(decidingAt(a, at.minusMillis(1))).isEqualTo(before);
            assertThat(decidingAt(b, at.minusMillis(1))).isEqualTo(before);
            assertThat(decidingAt(a, at)).as("a, at the instant, with no sync since").isEqualTo(next);
            assertThat(decidingAt(b, at)).as("b, at the instant, with no sync since").isEqualTo(next);
            assertThat(decidingAt(b, at.minusMillis(1))).as("once switched, it stays").isEqualTo(next);

            Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis() + 50));
            a.lifecycle.followSchedules();
            b.lifecycle.followSchedules();
            assertThat(a.store.activationHistory(10)).filteredOn(x -> x.reason().equals("schedule")).singleElement()
                    .satisfies(x -> assertThat(x.version()).isEqualTo(next))
                    .satisfies(x -> assertThat(x.activatedAt()).isEqualTo(schedule.effectiveAt()))
                    .satisfies(x -> assertThat(x.activatedBy()).isEqualTo("officer"));
            assertThat(a.store.pendingSchedules()).isEmpty();
            assertThat(a.store.events(next)).extracting(RuleSetEvent::kind)
                    .containsExactly("stored", "approved", "scheduled", "activated");
            assertThat(b.lifecycle.followStore()).as("the store agrees: nothing to follow").isFalse();
            assertThat(a.store.checkGovernance().breaks()).isEmpty();
        }
    }

    @Test
    void aCancelledScheduleIsDisarmedEverywhereAndAPastInstantIsRefused() {
        try (LifecycleInstance a = new LifecycleInstance(dataSource, rules, "a", 1).start();
             LifecycleInstance b = new LifecycleInstance(dataSource, rules, "b", 1).start()) {
            String before = a.active.version();
            String next = approved(a, "32.00");
            Instant at = Instant.now().plusSeconds(600);
            Schedule schedule = a.lifecycle.schedule(next, at, "officer", null);
            b.lifecycle.followSchedules();
            assertThat(b.active.armedSchedule()).isEqualTo(schedule.id());

            a.lifecycle.cancel(schedule.id(), "officer", "the regulator postponed it");
            b.lifecycle.followSchedules();
            assertThat(b.active.armedSchedule()).isEqualTo(-1);
            assertThat(decidingAt(b, at)).isEqualTo(before);
            assertThatThrownBy(() -> a.lifecycle.cancel(schedule.id(), "officer", null))
                    .isInstanceOf(GovernanceException.class).hasMessageContaining("No pending schedule");
            assertThatThrownBy(() -> a.lifecycle.schedule(next, Instant.now().minusSeconds(1), "officer", null))
                    .isInstanceOf(InvalidRequestException.class);

            String unapproved = a.lifecycle.upload(LifecycleFixtures.body(LifecycleFixtures.withFee("33.00"), null)
                    .getBytes(StandardCharsets.UTF_8), "officer").version().version();
            assertThatThrownBy(() -> a.lifecycle.schedule(unapproved, at, "officer", null))
                    .isInstanceOf(GovernanceException.class).hasMessageContaining("needs 1 approval");
        }
    }
}
