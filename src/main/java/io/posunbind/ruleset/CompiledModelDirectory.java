package io.posunbind.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.posunbind.engine.CompiledModelStore;
import io.posunbind.engine.RuleSetCompiler;

/**
 * Compiled rule sets kept on this instance's disk ({@code unbind.rules.compiled-directory}), so that a start, an
 * activation or a replay of a version compiled before loads its executable model instead of compiling it again.
 * Each file is the model and its seal: an HMAC-SHA256 of the key and the model, keyed by a key derived from the audit
 * signing key ({@link LocalSecret}). A file whose seal does not hold (altered, damaged, or sealed under another key)
 * is deleted with a WARN and the rule set is compiled from its files, so an altered file never decides. At most
 * {@link #MAX_FILES} are kept, the least recently used removed first. The service's compiler ({@link #compiler()})
 * uses it; {@code unbind.rules.keep-compiled=false} turns it off.
 */
@ApplicationScoped
public class CompiledModelDirectory implements CompiledModelStore {
    static final int MAX_FILES = 32;
    private static final Logger LOG = Logger.getLogger(CompiledModelDirectory.class);
    private static final String PURPOSE = "compiled rule set seal";
    private static final String SUFFIX = ".model";
    private static final int SEAL_BYTES = 32;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final boolean enabled;
    private final byte[] sealKey;

    @Inject
    public CompiledModelDirectory(UnbindConfig config, LocalSecret secret) {
        this(Path.of(config.rules().compiledDirectory()), config.rules().keepCompiled(), secret);
    }

    CompiledModelDirectory(Path directory, boolean enabled, LocalSecret secret) {
        this.directory = directory;
        this.enabled = enabled;
        this.sealKey = enabled ? secret.derive(PURPOSE) : new byte[0];
    }

    /** The compiler the service uses: every compilation of a rule set goes through this directory. */
    @Produces
    @Singleton
    RuleSetCompiler compiler() {
        return new RuleSetCompiler(enabled ? this : CompiledModelStore.NONE);
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path file = file(key);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("The compiled rule set %s could not be read (%s); the rule set is compiled from its files", file,
                    e.getMessage());
            return Optional.empty();
        }
        byte[] model = content.length > SEAL_BYTES ? Arrays.copyOfRange(content, SEAL_BYTES, content.length)
                : new byte[0];
        if (content.length <= SEAL_BYTES
                || !MessageDigest.isEqual(seal(key, model), Arrays.copyOf(content, SEAL_BYTES))) {
            delete(file, "its seal does not hold (it was altered or damaged, or sealed under another audit signing "
                    + "key)");
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debugf("Could not mark %s as used: %s", file, e.getMessage());
        }
        LOG.infof("Loading the compiled rule set kept in %s (compiled before from the same files)", file);
        return Optional.of(model);
    }

    @Override
    public void write(String key, byte[] model) {
        Path file = file(key);
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, key, ".partial");
            try {
                trySetOwnerOnly(partial);
                byte[] seal = seal(key, model);
                byte[] content = Arrays.copyOf(seal, SEAL_BYTES + model.length);
                System.arraycopy(model, 0, content, SEAL_BYTES, model.length);
                Files.write(partial, content);
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            removeLeastRecentlyUsed();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The compiled rule set could not be kept in %s (%s); the next start compiles it again", file,
                    e.getMessage());
        }
    }

    @Override
    public void discard(String key, String reason) {
        delete(file(key), "it could not be loaded (" + reason + ")");
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a compiled rule set's key: " + key);
        }
        return directory.resolve(key + SUFFIX);
    }

    private byte[] seal(String key, byte[] model) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sealKey, "HmacSHA256"));
            mac.update((key + "\n").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(model);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private void delete(Path file, String why) {
        LOG.warnf("The compiled rule set %s is deleted unused, and the rule set compiled from its files instead: %s",
                file, why);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", file, e.getMessage());
        }
    }

    private void removeLeastRecentlyUsed() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted(
                    Comparator.comparing(CompiledModelDirectory::lastModified).reversed()).toList();
        }
        for (Path old : files.subList(Math.min(MAX_FILES, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debugf("Could not make %s readable by its owner only: %s", file, e.getMessage());
        }
    }
}
