package io.posunbind.ruleset;

import java.io.PrintStream;
import java.nio.file.Path;

import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetException;
import io.posunbind.scenario.ScenarioResult;

/**
 * {@code java -jar quarkus-run.jar validate [dir]}: validates a rules directory before a commit and prints the
 * report as an editor or a terminal reads it ({@code file:line:column: error: message}). Exit status 0 when the
 * rule set is valid, 1 when it is not, 2 when the directory cannot be read. Plain Java: no server, no port.
 */
public final class ValidateCommand {

    private ValidateCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Path directory = Path.of(args.length > 1 ? args[1] : "rules");
        long started = System.nanoTime();
        RuleFiles files;
        try {
            files = RuleFiles.readDirectory(directory);
        } catch (RuleSetException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        ValidationReport report = new ValidationService().validate(files);
        print(report, directory, out);
        out.printf("Validated in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        return report.valid() ? 0 : 1;
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
