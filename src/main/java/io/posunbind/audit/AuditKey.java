package io.posunbind.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.posunbind.ruleset.LocalSecret;

/**
 * The key that signs the checkpoints, read from {@code unbind.audit.signing-key-file}: outside the database, so
 * whoever can write the database still cannot sign a tree head. Keys derived from it seal what the service keeps
 * for its own use, such as compiled rule sets ({@link LocalSecret}). Created at the first start when the file is
 * absent, readable by its owner only.
 * The file holds the signing key in Go's note format and the verifier key after it.
 */
@ApplicationScoped
public class AuditKey implements LocalSecret {
    private static final Logger LOG = Logger.getLogger(AuditKey.class);
    private static final String DEFAULT_ORIGIN = io.posunbind.config.UnbindConfig.Audit.DEFAULT_ORIGIN;

    private final SignedNote.Signer signer;
    private final List<SignedNote.Verifier> trusted;
    private final Path file;

    @Inject
    AuditKey(UnbindConfig config) {
        this(Path.of(config.audit().signingKeyFile()), config.audit().origin(),
                config.audit().trustedKeys().orElse(List.of()));
    }

    AuditKey(Path file, String origin, List<String> trustedKeys) {
        this.file = file;
        this.signer = loadOrCreate(file, origin);
        List<SignedNote.Verifier> keys = new ArrayList<>();
        keys.add(signer.verifier());
        for (String key : trustedKeys) {
            try {
                keys.add(SignedNote.Verifier.parse(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("unbind.audit.trusted-keys: " + e.getMessage(), e);
            }
        }
        this.trusted = List.copyOf(keys);
    }

    SignedNote.Signer signer() {
        return signer;
    }

    /** A key for one purpose, derived from the signing key: HMAC-SHA256 keyed by it, over the purpose's name. */
    @Override
    public byte[] derive(String purpose) {
        return LocalSecret.hmac(signer.seed(), ("pos-unbind " + purpose).getBytes(StandardCharsets.UTF_8));
    }

    public SignedNote.Verifier verifier() {
        return signer.verifier();
    }

    /** This key and the earlier ones configured as trusted. */
    public List<SignedNote.Verifier> trusted() {
        return trusted;
    }

    Path file() {
        return file;
    }

    private static SignedNote.Signer loadOrCreate(Path file, String origin) {
        try {
            if (Files.exists(file)) {
                SignedNote.Signer signer = read(file);
                if (!signer.name().equals(origin)) {
                    throw new IllegalStateException("The audit signing key in " + file.toAbsolutePath() + " is named "
                            + signer.name() + ", but unbind.audit.origin is " + origin + ": the checkpoints are "
                            + "signed under the log's origin. Set unbind.audit.origin=" + signer.name()
                            + " or give a new key file.");
                }
                LOG.infof("Audit checkpoints are signed with the key in %s; verifier key %s", file.toAbsolutePath(),
                        signer.verifier().encoded());
                return signer;
            }
            SignedNote.Signer signer = SignedNote.Signer.generate(origin);
            create(file, signer);
            LOG.warnf("Created a new audit signing key in %s (verifier key %s). Back it up and keep it secret: it "
                    + "proves the checkpoints; every instance sharing this database must use the same file.",
                    file.toAbsolutePath(), signer.verifier().encoded());
            return signer;
        } catch (FileAlreadyExistsException e) {
            return read(file); // another instance on the same disk created it first
        } catch (IOException e) {
            throw new UncheckedIOException("The audit signing key " + file.toAbsolutePath() + " could not be read "
                    + "or created", e);
        }
    }

    /**
     * {@code new-audit-key FILE [ORIGIN]}: writes a new signing key to FILE, which must not exist, and prints its
     * verifier key; for a deployment whose instances get the key from a secret, and for rotating it
     * (docs/operations.md). The origin is {@code unbind.audit.origin}'s default unless given.
     *
     * @return the exit status: 0 written, 1 not written, 2 wrong arguments
     */
    public static int newKeyCommand(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("usage: new-audit-key FILE [ORIGIN]   (ORIGIN: unbind.audit.origin, by default "
                    + DEFAULT_ORIGIN + ")");
            return 2;
        }
        Path file = Path.of(args[1]);
        String origin = args.length == 3 ? args[2] : DEFAULT_ORIGIN;
        if (Files.exists(file)) {
            err.println(file + " exists already; a key is never overwritten. Give another file.");
            return 1;
        }
        try {
            SignedNote.Signer signer = SignedNote.Signer.generate(origin);
            create(file, signer);
            out.println("Wrote a new audit signing key to " + file.toAbsolutePath() + " (readable by its owner only).");
            out.println("Its verifier key, for auditors and for unbind.audit.trusted-keys after the next rotation:");
            out.println(signer.verifier().encoded());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("The key could not be written to " + file.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
    }

    private static void create(Path file, SignedNote.Signer signer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String text = "# The Ed25519 key that signs the decision log's checkpoints (docs/audit.md): the signing key,\n"
                + "# then its verifier key, which auditors are given. Keep this file secret and backed up.\n"
                + signer.encoded() + "\n" + signer.verifier().encoded() + "\n";
        // written whole to a file of its own, then linked in place: an instance starting beside this one sees no
        // file or the whole key, and only one of two that create a key at once wins
        Path temp = Files.createTempFile(dir, ".audit-signing-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.createLink(file, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static SignedNote.Signer read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            if (lines.size() != 2) {
                throw new IllegalStateException("The audit signing key file " + file.toAbsolutePath() + " holds "
                        + "the signing key (PRIVATE+KEY+...) and its verifier key, one a line; it has " + lines.size()
                        + " lines");
            }
            return SignedNote.Signer.parse(lines.get(0), lines.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException("The audit signing key " + file.toAbsolutePath() + " could not be read", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key file " + file.toAbsolutePath() + " is broken: "
                    + e.getMessage(), e);
        }
    }
}
