package io.posunbind.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Whether another process holds the embedded H2 database of a data directory. H2 locks its file while it is open,
 * so a second instance on the same directory cannot start; this finds out before anything opens it, so the second
 * instance can say so in one sentence instead of a stack trace.
 */
public final class EmbeddedDatabaseLock {
    /** The file H2 keeps the database in, under the data directory. */
    static final String FILE = "unbind.mv.db";

    private EmbeddedDatabaseLock() {
    }

    /** Why the directory's database cannot be opened now, or empty when nothing else holds it. */
    public static Optional<String> heldByAnotherProcess(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException | IOException e) {
            // held by this very process, or not a file we may open: H2 itself will say what it finds
            return Optional.empty();
        }
        return Optional.of("Another instance of the service is using the embedded database in "
                + directory.toAbsolutePath().normalize() + " (its file is locked): stop that instance, give this one "
                + "a data directory of its own (UNBIND_STORAGE_DATA_DIRECTORY), or run several instances on "
                + "PostgreSQL (README, PostgreSQL).");
    }
}
