package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** new-audit-key writes a key only its owner reads, prints its verifier key, and never overwrites a key. */
class NewAuditKeyCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AuditKey.newKeyCommand(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAKeyTheServiceReadsAndPrintsItsVerifierKey() throws Exception {
        Path file = dir.resolve("keys/audit-signing-key");
        assertThat(run("new-audit-key", file.toString(), "audit.acquirer.example/pos-unbind")).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String printed = out.toString(StandardCharsets.UTF_8);
        String verifier = printed.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(verifier).startsWith("audit.acquirer.example/pos-unbind+");
        AuditKey read = new AuditKey(file, "audit.acquirer.example/pos-unbind", java.util.List.of());
        assertThat(read.signer().verifier().encoded()).isEqualTo(verifier);
    }

    @Test
    void neverOverwritesAKeyAndSaysHowToCallIt() throws Exception {
        Path file = dir.resolve("audit-signing-key");
        Files.writeString(file, "the key in use\n");
        assertThat(run("new-audit-key", file.toString())).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("the key in use\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists already; a key is never overwritten");
        assertThat(run("new-audit-key")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: new-audit-key FILE [ORIGIN]");
    }
}
