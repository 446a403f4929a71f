package io.posunbind.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second instance on the same embedded database is told so in one sentence before it opens anything. */
class EmbeddedDatabaseLockTest {

    @Test
    void aDatabaseFileLockedByAnotherProcessIsNamedAndAFreeOneIsNot(@TempDir Path data) throws Exception {
        Path file = data.resolve(EmbeddedDatabaseLock.FILE);
        assertThat(EmbeddedDatabaseLock.heldByAnotherProcess(data)).as("no database yet").isEmpty();
        Files.writeString(file, "not really a database");
        assertThat(EmbeddedDatabaseLock.heldByAnotherProcess(data)).as("a file nobody holds").isEmpty();

        Path holder = data.resolve("Hold.java");
        Files.writeString(holder, """
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        var channel = java.nio.channels.FileChannel.open(java.nio.file.Path.of(args[0]),
                                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), file.toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(other.getInputStream().readNBytes(6))).isEqualTo("locked");

            assertThat(EmbeddedDatabaseLock.heldByAnotherProcess(data)).hasValueSatisfying(sentence -> assertThat(
                    sentence).startsWith("Another instance of the service is using the embedded database in "
                    + data.toAbsolutePath().normalize()).doesNotContain("Exception").doesNotContain("\n"));
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
