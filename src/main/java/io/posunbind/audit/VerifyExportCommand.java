package io.posunbind.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar quarkus-run.jar verify-export FILE --public-key KEY}: checks an audit export, or a case file's
 * bundle, with no database ({@link ExportVerifier}). KEY is the verifier key ({@code name+keyid+key}, as
 * {@code GET /api/v1/audit/public-key} answers it) or a file holding it; more {@code --public-key} options add the
 * keys of earlier signing keys. Exit status 0 when everything checks, 1 naming every problem, 2 when the file or
 * the key cannot be read. Plain Java: no server, no port.
 */
public final class VerifyExportCommand {
    private static final String USAGE = "usage: verify-export FILE --public-key KEY   (KEY: name+keyid+key, or a "
            + "file holding it)";

    private VerifyExportCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Path file = null;
        List<SignedNote.Verifier> keys = new java.util.ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--public-key") && i + 1 < args.length) {
                    keys.add(SignedNote.Verifier.parse(keyText(args[++i])));
                } else if (file == null && !args[i].startsWith("--")) {
                    file = Path.of(args[i]);
                } else {
                    out.println(USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            out.println("error: the public key: " + e.getMessage());
            return 2;
        }
        if (file == null || keys.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        ExportVerifier.Report report;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = ExportVerifier.verify(in, keys);
        } catch (IOException e) {
            out.println("error: " + file + " cannot be read: " + e.getMessage());
            return 2;
        }
        out.println("Export " + file + ": " + report.lines() + " lines, " + report.decisions() + " decisions, "
                + report.nodes() + " nodes, " + report.archives() + " archives");
        if (report.treeSize() >= 0) {
            out.println("Checkpoint: tree size " + report.treeSize() + ", root " + report.rootHash() + ", signed by "
                    + keys.get(0).encoded());
            out.println("Decisions in the signed tree: " + report.covered() + "; recorded after it: "
                    + report.notCovered());
        }
        if (report.intact()) {
            out.println("INTACT: every record hash, chain link, tree root and signature checks.");
            return 0;
        }
        out.println("BROKEN: " + report.problems().size() + " problem(s)");
        report.problems().forEach(p -> out.println("  " + p));
        return 1;
    }

    private static String keyText(String value) throws IOException {
        Path path = Path.of(value);
        if (!value.contains("+") && Files.isRegularFile(path)) {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        }
        return value;
    }
}
