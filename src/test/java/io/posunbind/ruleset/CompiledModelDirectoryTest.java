package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;

/**
 * The directory answers an entry only while its seal holds under the same secret; an altered, shortened or foreign
 * file is deleted and answered as absent, so the rule set is compiled from its files. It keeps at most
 * {@link CompiledModelDirectory#MAX_FILES} files, the least recently used removed first.
 */
class CompiledModelDirectoryTest {
    private static final LocalSecret SECRET = purpose -> ("secret one, " + purpose).getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODEL = "the model's bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    private static String key(int n) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) n;
        return HexFormat.of().formatHex(bytes);
    }

    private Path fileOf(String key) {
        return directory.resolve(key + ".model");
    }

    @Test
    void whatIsWrittenIsReadBackOwnerOnly() throws IOException {
        CompiledModelDirectory store = new CompiledModelDirectory(directory, true, SECRET);
        store.write(key(1), MODEL);
        assertThat(store.read(key(1))).hasValue(MODEL);
        assertThat(store.read(key(2))).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fileOf(key(1))))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).as("no partial file is left").containsExactly(fileOf(key(1)));
        }
    }

    @Test
    void anAlteredFileIsDeletedAndNotAnswered() throws IOException {
        CompiledModelDirectory store = new CompiledModelDirectory(directory, true, SECRET);
        store.write(key(1), MODEL);
        byte[] content = Files.readAllBytes(fileOf(key(1)));
        content[content.length - 1] ^= 1;
        Files.write(fileOf(key(1)), content);
        assertThat(store.read(key(1))).isEmpty();
        assertThat(fileOf(key(1))).doesNotExist();
    }

    @Test
    void aFileMovedUnderAnotherKeyIsNotAnswered() throws IOException {
        CompiledModelDirectory store = new CompiledModelDirectory(directory, true, SECRET);
        store.write(key(1), MODEL);
        Files.copy(fileOf(key(1)), fileOf(key(2)));
        assertThat(store.read(key(2))).as("the seal covers the key").isEmpty();
        assertThat(store.read(key(1))).hasValue(MODEL);
    }

    @Test
    void aFileSealedUnderAnotherSecretOrCutShortIsNotAnswered() throws IOException {
        new CompiledModelDirectory(directory, true, purpose -> new byte[32]).write(key(1), MODEL);
        CompiledModelDirectory store = new CompiledModelDirectory(directory, true, SECRET);
        assertThat(store.read(key(1))).isEmpty();
        assertThat(fileOf(key(1))).doesNotExist();

        store.write(key(2), MODEL);
        byte[] content = Files.readAllBytes(fileOf(key(2)));
        Files.write(fileOf(key(2)), Arrays.copyOf(content, 32));
        assertThat(store.read(key(2))).isEmpty();
        Files.write(fileOf(key(3)), new byte[0]);
        assertThat(store.read(key(3))).isEmpty();
    }

    @Test
    void atMostMaxFilesAreKeptTheLeastRecentlyUsedGoFirst() throws IOException {
        CompiledModelDirectory store = new CompiledModelDirectory(directory, true, SECRET);
        long now = System.currentTimeMillis();
        for (int i = 0; i < CompiledModelDirectory.MAX_FILES; i++) {
            store.write(key(i), MODEL);
            Files.setLastModifiedTime(fileOf(key(i)), FileTime.fromMillis(now - 1_000_000 + i * 1000L));
        }
        assertThat(store.read(key(0))).as("reading marks it used").hasValue(MODEL);
        store.write(key(200), MODEL);
        assertThat(fileOf(key(0))).exists();
        assertThat(fileOf(key(1))).as("the least recently used").doesNotExist();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).hasSize(CompiledModelDirectory.MAX_FILES);
        }
    }

    @Test
    void aKeyThatIsNotAHashIsRefused() {
        CompiledModelDirectory store = new CompiledModelDirectory(directory, true, SECRET);
        assertThatThrownBy(() -> store.read("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServicesCompilerLoadsWhatItCompiledBeforeUnlessTurnedOff() {
        RuleFiles policy = RuleFiles.readDirectory(Path.of("rules"));
        CompiledModelDirectory store = new CompiledModelDirectory(directory, true, SECRET);
        try (CompiledRuleSet first = store.compiler().compile(policy);
             CompiledRuleSet second = new CompiledModelDirectory(directory, true, SECRET).compiler().compile(policy);
             CompiledRuleSet off = new CompiledModelDirectory(directory, false, SECRET).compiler().compile(policy)) {
            assertThat(first.loadedFromStore()).isFalse();
            assertThat(second.loadedFromStore()).isTrue();
            assertThat(off.loadedFromStore()).isFalse();
        }
    }
}
