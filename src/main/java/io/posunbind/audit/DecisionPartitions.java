package io.posunbind.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.posunbind.storage.Storage.Database;
import io.posunbind.storage.Table;
import io.quarkus.runtime.StartupEvent;

/**
 * The monthly partitions of decision_record on PostgreSQL (db/postgresql/V8): each month of recorded_at, in UTC,
 * is a table {@code decision_record_yYYYYmMM} of its own, so a retention purge drops whole months. This class makes
 * the current month's and the next {@link #MONTHS_AHEAD} months' partitions at startup and every hour, moves any
 * row that landed in the default partition meanwhile into its month, and lists the months a purge may drop. On H2,
 * which has no partitions, it does nothing.
 */
@ApplicationScoped
@Table("decision_record")
class DecisionPartitions {
    private static final Logger LOG = Logger.getLogger(DecisionPartitions.class);
    static final int MONTHS_AHEAD = 2;
    private static final Pattern NAME = Pattern.compile("decision_record_y(\\d{4})m(\\d{2})");

    /** One month's partition: its table and the instants it holds, [from, to). */
    record Partition(String table, YearMonth month) {
        Instant from() {
            return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant to() {
            return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        static String tableOf(YearMonth month) {
            return String.format("decision_record_y%04dm%02d", month.getYear(), month.getMonthValue());
        }
    }

    private final DataSource dataSource;
    private ScheduledExecutorService timer;

    @Inject
    DecisionPartitions(Database database) {
        this.dataSource = database.dataSource();
    }

    void start(@Observes StartupEvent event) throws SQLException {
        if (!partitioned()) {
            return;
        }
        List<String> made = ensureAhead(Instant.now());
        LOG.infof("Decision records are partitioned by month; %s", made.isEmpty() ? "every partition up to "
                + YearMonth.now(ZoneOffset.UTC).plusMonths(MONTHS_AHEAD) + " was there" : "made " + made);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "decision-partitions");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                ensureAhead(Instant.now());
            } catch (Exception e) {
                LOG.warnf("The coming months' decision partitions could not be made (tried again in an hour; "
                        + "records meanwhile land in decision_record_default and are moved later): %s",
                        e.getMessage());
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Whether decision_record is a partitioned table here: PostgreSQL after V8; never H2. */
    boolean partitioned() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return partitioned(c);
        }
    }

    static boolean partitioned(Connection c) throws SQLException {
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return false;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_partitioned_table p JOIN pg_class t ON "
                + "t.oid = p.partrelid WHERE t.relname = 'decision_record' AND t.relnamespace = "
                + "to_regnamespace(current_schema())::oid");
             ResultSet rs = q.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Makes the partitions of the month of {@code now} and the {@link #MONTHS_AHEAD} after it that are missing, each
     * with the rows of its month moved out of the default partition in the same transaction. Answers the tables
     * made. Several instances may run it at once: a table another instance made meanwhile is skipped.
     */
    List<String> ensureAhead(Instant now) throws SQLException {
        YearMonth first = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            if (ensure(first.plusMonths(i))) {
                made.add(Partition.tableOf(first.plusMonths(i)));
            }
        }
        return made;
    }

    /** Makes the month's partition if it is missing; answers whether it made it. */
    boolean ensure(YearMonth month) throws SQLException {
        String table = Partition.tableOf(month);
        Partition p = new Partition(table, month);
        try (Connection c = dataSource.getConnection()) {
            if (months(c).stream().anyMatch(existing -> existing.month().equals(month))) {
                return false;
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // The default partition is locked for the move, so no row of the month can slip in meanwhile.
                s.execute("LOCK TABLE decision_record_default IN SHARE ROW EXCLUSIVE MODE");
                s.execute("CREATE TABLE " + table + " (LIKE decision_record INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                String range = "recorded_at >= '" + p.from() + "' AND recorded_at < '" + p.to() + "'";
                int moved = s.executeUpdate("INSERT INTO " + table + " SELECT * FROM decision_record_default WHERE "
                        + range);
                s.executeUpdate("DELETE FROM decision_record_default WHERE " + range);
                s.execute("ALTER TABLE decision_record ATTACH PARTITION " + table + " FOR VALUES FROM ('" + p.from()
                        + "') TO ('" + p.to() + "')");
                c.commit();
                if (moved > 0) {
                    LOG.warnf("Made the decision partition %s and moved its %d records out of the default partition",
                            table, moved);
                }
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (months(c).stream().anyMatch(existing -> existing.month().equals(month))) {
                    return false; // another instance made it meanwhile
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The monthly partitions there are, oldest first. */
    static List<Partition> months(Connection c) throws SQLException {
        List<Partition> found = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT t.relname FROM pg_inherits i JOIN pg_class t ON "
                + "t.oid = i.inhrelid WHERE i.inhparent = 'decision_record'::regclass ORDER BY t.relname");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                Matcher m = NAME.matcher(rs.getString(1));
                if (m.matches()) {
                    found.add(new Partition(rs.getString(1),
                            YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
                }
            }
        }
        return found;
    }
}
