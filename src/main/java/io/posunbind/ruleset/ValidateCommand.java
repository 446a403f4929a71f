package io.posunbind.ruleset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetException;
import io.posunbind.scenario.Scenario;
import io.posunbind.scenario.ScenarioAcceptance;
import io.posunbind.scenario.ScenarioResult;

/**
 * {@code java -jar quarkus-run.jar validate [dir] [--accept] [--accept-examples]}: validates a rules directory
 * before a commit and prints the report as an editor or a terminal reads it ({@code file:line:column: error:
 * message}). With {@code --accept}, first sets every failing scenario's expectations to its new answer (the worked
 * examples only with {@code --accept-examples}), prints each change and reports on the accepted files. Exit status
 * 0 when the rule set is (then) valid, 1 when it is not, 2 when the directory cannot be read or written. Plain
 * Java: no server, no port.
 */
public final class ValidateCommand {

    private ValidateCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Path directory = Path.of("rules");
        boolean accept = false;
        boolean acceptExamples = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--accept" -> accept = true;
                case "--accept-examples" -> {
                    accept = true;
                    acceptExamples = true;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        out.println("error: unknown option " + args[i] + "; usage: validate [DIR] [--accept] "
                                + "[--accept-examples]");
                        return 2;
                    }
                    directory = Path.of(args[i]);
                }
            }
        }
        long started = System.nanoTime();
        RuleFiles files;
        try {
            files = RuleFiles.readDirectory(directory);
        } catch (RuleSetException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        ValidationReport report;
        if (accept) {
            ValidationService.Accepting accepting = new ValidationService().accept(files, acceptExamples);
            try {
                write(directory, accepting.accepted());
            } catch (IOException e) {
                out.println("error: cannot write the accepted scenarios: " + e.getMessage());
                return 2;
            }
            printAccepted(accepting.accepted(), out);
            report = accepting.report();
        } else {
            report = new ValidationService().validate(files);
        }
        print(report, directory, out);
        out.printf("Validated in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        return report.valid() ? 0 : 1;
    }

    private static void write(Path directory, ScenarioAcceptance.Accepted accepted) throws IOException {
        for (Map.Entry<String, String> file : accepted.files().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void printAccepted(ScenarioAcceptance.Accepted accepted, PrintStream out) {
        if (!accepted.changes().isEmpty()) {
            out.println("Accepted " + accepted.changes().size() + " scenario(s) in " + accepted.files().size()
                    + " file(s); under each, what it expected and the answer it now expects:");
        } else if (accepted.notAccepted().isEmpty()) {
            out.println("Nothing to accept: no scenario fails.");
        } else {
            out.println("Accepted no scenario.");
        }
        for (ScenarioAcceptance.Change change : accepted.changes()) {
            out.println("  ACCEPTED " + Scenario.displayName(change.file(), change.scenario()));
            change.what().forEach(m -> out.println("      " + m));
        }
        for (String name : accepted.notAccepted()) {
            out.println("  NOT ACCEPTED " + name + (ScenarioAcceptance.isWorkedExample(name)
                    ? ": a worked example, the policy owner's sign-off. When the owner agrees, run again with "
                      + "--accept-examples."
                    : ": it could not be decided, so there is no answer to accept."));
        }
    }

    static void print(ValidationReport report, Path directory, PrintStream out) {
        out.println("Rule set " + directory + " (" + report.version() + ")");
        report.errors().forEach(p -> out.println(p.location() + ": error: " + p.message()));
        report.warnings().forEach(p -> out.println(p.location() + ": warning: " + p.message()));
        ValidationReport.Scenarios scenarios = report.scenarios();
        int total = scenarios.passed() + scenarios.failed();
        if (!report.errors().isEmpty()) {
            out.println("Scenarios: not run, fix the errors first.");
        } else {
            // Not "N passed, N failed": CI reads a line of that shape as a test runner's summary.
            out.println("Scenarios: " + scenarios.passed() + " of " + total + " passed");
            for (ScenarioResult result : scenarios.results()) {
                if (!result.passed()) {
                    out.println("  FAILED " + result.displayName());
                    result.mismatches().forEach(m -> out.println("      " + m));
                }
            }
        }
        out.println(report.valid() ? "VALID: the rule set may be activated."
                : "NOT VALID: " + report.errors().size() + " error(s), " + scenarios.failed()
                  + " failed scenario(s).");
    }
}
