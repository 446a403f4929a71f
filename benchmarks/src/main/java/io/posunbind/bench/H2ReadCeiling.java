package io.posunbind.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How fast one thread can read decision-sized rows from H2, with nothing else done: the ceiling of verify's reading
 * thread. A table shaped like {@code decision_record}'s heavy part (a 700-byte and a 1,500-byte body, two 64-character
 * hashes, the chain's unique index), in a file opened with the service's options, is filled with {@code bench.rows}
 * rows (default 300,000), then read whole in chain order and in storage order, three rounds, each way with H2's
 * results materialised (its default, which the service uses) and with lazy execution, alternating. A read that
 * fails is reported and the run goes on: lazy reads on these options meet H2's "Chunk N not found"
 * (h2database/h2database#4142), which is why the service does not use them.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar -Dbench.rows=300000 io.posunbind.bench.H2ReadCeiling</pre>
 */
public final class H2ReadCeiling {
    private H2ReadCeiling() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 300_000);
        Path directory = Files.createTempDirectory("h2-read-ceiling");
        String url = "jdbc:h2:file:" + directory + "/t;MODE=PostgreSQL;RETENTION_TIME=1000;AUTO_COMPACT_FILL_RATE=95";
        try {
            fill(url, rows);
            String[] queries = {"SELECT * FROM decision_record ORDER BY writer_id, writer_seq",
                    "SELECT * FROM decision_record"};
            for (int round = 1; round <= 3; round++) {
                for (boolean lazy : new boolean[] {false, true}) {
                    for (String sql : queries) {
                        read(url, sql, lazy, round);
                    }
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void fill(String url, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE decision_record (decision_id VARCHAR(36) NOT NULL, writer_id VARCHAR(64) "
                        + "NOT NULL, writer_seq BIGINT NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "request_body BYTEA NOT NULL, answer_body BYTEA NOT NULL, previous_hash VARCHAR(64) NOT "
                        + "NULL, record_hash VARCHAR(64) NOT NULL, CONSTRAINT pk PRIMARY KEY (decision_id), "
                        + "CONSTRAINT chain_uq UNIQUE (writer_id, writer_seq))");
            }
            c.setAutoCommit(false);
            Random random = new Random(1);
            String[] writers = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
            long[] sequence = new long[writers.length];
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO decision_record VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    int w = random.nextInt(writers.length);
                    byte[] request = new byte[700];
                    byte[] answer = new byte[1500];
                    random.nextBytes(request);
                    random.nextBytes(answer);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, writers[w]);
                    insert.setLong(3, ++sequence[w]);
                    insert.setObject(4, java.time.OffsetDateTime.now());
                    insert.setBytes(5, request);
                    insert.setBytes(6, answer);
                    insert.setString(7, "a".repeat(64));
                    insert.setString(8, "b".repeat(64));
                    insert.addBatch();
                    if (i % 500 == 499) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
    }

    private static void read(String url, String sql, boolean lazy, int round) throws Exception {
        try {
            timedRead(url, sql, lazy, round);
        } catch (java.sql.SQLException e) {
            System.out.printf("h2-read: round %d, %-12s %-62s failed: %s%n", round, lazy ? "lazy" : "materialised",
                    sql, e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void timedRead(String url, String sql, boolean lazy, int round) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            if (lazy) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
            long started = System.nanoTime();
            long count = 0;
            long bytes = 0;
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setFetchSize(1000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        count++;
                        bytes += rs.getString(1).length() + rs.getString(2).length() + rs.getBytes(5).length
                                + rs.getBytes(6).length + rs.getString(7).length() + rs.getString(8).length();
                        rs.getLong(3);
                        rs.getObject(4);
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("h2-read: round %d, %-12s %-62s %,d rows (%,d MB) in %.2f s: %,.0f rows/s%n", round,
                    lazy ? "lazy" : "materialised", sql, count, bytes >> 20, seconds, count / seconds);
            c.rollback();
        }
    }
}
