package io.posunbind.ruleset;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetException;

/**
 * {@code java -jar quarkus-run.jar diff OLD_DIR NEW_DIR}: what differs between two rules directories, as the
 * service's {@code GET /api/v1/rulesets/{version}/diff} answers it: the files, the rules by name with their
 * metadata, the scenarios, then each file's unified diff. Exit status 0 when nothing differs, 1 when something does
 * (as diff(1)), 2 when a directory cannot be read. Plain Java: no server, no port.
 */
public final class DiffCommand {

    private DiffCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length != 3) {
            out.println("usage: diff OLD_DIR NEW_DIR   (what NEW_DIR changes against OLD_DIR)");
            return 2;
        }
        RuleFiles before;
        RuleFiles after;
        try {
            before = RuleFiles.readDirectory(Path.of(args[1]));
            after = RuleFiles.readDirectory(Path.of(args[2]));
        } catch (RuleSetException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        RuleSetDiff diff = RuleSetDiff.of(after.version(), after, before.version(), before);
        print(diff, args[1], args[2], out);
        return diff.empty() ? 0 : 1;
    }

    static void print(RuleSetDiff diff, String beforeName, String afterName, PrintStream out) {
        out.println("Rule set " + afterName + " (" + diff.version() + ") against " + beforeName + " ("
                + diff.against() + ")");
        if (diff.empty()) {
            out.println("No difference.");
            return;
        }
        RuleSetDiff.Files files = diff.files();
        out.println("Files: " + counts(files.added().size(), files.removed().size(), files.changed().size()));
        files.added().forEach(f -> out.println("  added    " + f.path()));
        files.removed().forEach(f -> out.println("  removed  " + f.path()));
        files.changed().forEach(f -> out.println("  changed  " + f.path()));
        RuleSetDiff.Rules rules = diff.rules();
        out.println("Rules: " + counts(rules.added().size(), rules.removed().size(), rules.changed().size()));
        rules.added().forEach(r -> out.println("  added    " + rule(r)));
        rules.removed().forEach(r -> out.println("  removed  " + rule(r)));
        rules.changed().forEach(r -> out.println("  changed  " + rule(r) + ": " + String.join(", ", r.changes())));
        RuleSetDiff.Scenarios scenarios = diff.scenarios();
        out.println("Scenarios: " + counts(scenarios.added().size(), scenarios.removed().size(),
                scenarios.changed().size()));
        scenarios.added().forEach(s -> out.println("  added    " + s));
        scenarios.removed().forEach(s -> out.println("  removed  " + s));
        scenarios.changed().forEach(s -> out.println("  changed  " + s));
        out.println();
        for (List<RuleSetDiff.FileChange> list : List.of(files.added(), files.removed(), files.changed())) {
            list.forEach(f -> out.print(f.diff()));
        }
    }

    private static String rule(RuleSetDiff.RuleChange r) {
        return "\"" + r.name() + "\" (" + r.file() + (r.regulation() == null ? "" : "; " + r.regulation()) + ")";
    }

    private static String counts(int added, int removed, int changed) {
        return added + " added, " + removed + " removed, " + changed + " changed";
    }
}
