package io.posunbind.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a committed write durable before anyone is told it happened, on either database.
 *
 * <p>PostgreSQL needs nothing more: with its defaults ({@code fsync=on}, {@code synchronous_commit=on}) a commit is
 * on disk when it returns. H2's MVStore keeps commits in memory and writes them in the background within
 * {@code WRITE_DELAY} ms; {@code CHECKPOINT SYNC} writes them to the file and forces the file to the device now. The
 * H2 URL keeps its background writer on (no {@code WRITE_DELAY=0}) because that thread is also what compacts the
 * file: without it every commit leaves a partly dead chunk behind and the file grows by tens of kilobytes a decision
 * (6 GB after 250,000 decisions in the HTTP benchmark).
 */
public final class DurableWrite {
    private DurableWrite() {
    }

    /** Call after a commit (or an auto-committed statement) on the connection, before answering anyone. */
    public static void committed(Connection connection) throws SQLException {
        if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT SYNC");
            }
        }
    }
}
