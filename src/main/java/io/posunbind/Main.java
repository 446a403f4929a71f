package io.posunbind;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.posunbind.audit.VerifyExportCommand;
import io.posunbind.ruleset.DiffCommand;
import io.posunbind.ruleset.ValidateCommand;
import io.posunbind.security.HashPasswordCommand;
import io.posunbind.storage.EmbeddedDatabaseLock;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged app's entry point. With no argument it starts the service. {@code validate [dir]} validates a rules
 * directory and exits, without starting the service: it runs before {@link Quarkus#run}, so no port is bound, no
 * configuration is read and it is as fast as the validation itself. {@code hash-password [NAME ROLE]} likewise
 * prints a bcrypt hash (or a whole users-file line) for a password typed at the terminal. {@code diff OLD NEW}
 * prints what differs between two rules directories. {@code verify-export FILE --public-key KEY} checks an
 * audit export with no database.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("validate")) {
            Optional<List<String>> tuned = tunedCommandLine(args);
            System.exit(tuned.isPresent() ? runTuned(tuned.get()) : ValidateCommand.run(args, System.out));
        }
        if (args.length > 0 && args[0].equals("verify-export")) {
            System.exit(VerifyExportCommand.run(args, System.out));
        }
        if (args.length > 0 && args[0].equals("diff")) {
            System.exit(DiffCommand.run(args, System.out));
        }
        if (args.length > 0 && args[0].equals("new-audit-key")) {
            System.exit(io.posunbind.audit.AuditKey.newKeyCommand(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("hash-password")) {
            System.exit(HashPasswordCommand.run(args,
                    HashPasswordCommand.standard(System.console(), System.in, System.err), System.out, System.err));
        }
        Optional<String> inUse = embeddedDatabaseInUse();
        if (inUse.isPresent()) {
            System.err.println(inUse.get());
            System.exit(1);
        }
        Quarkus.run(args);
    }

    /**
     * The command line that runs {@code validate} again in a JVM tuned for a short batch job, or empty when this one
     * should run it. Validating is a few seconds of work in a cold JVM, and on a machine of two cores the optimising
     * JIT compiler's threads take as much CPU as the work itself while compiling code that runs once: the client
     * compiler alone (-XX:TieredStopAtLevel=1) and the serial collector halve the time (docs/benchmarks.md). The
     * child gets this JVM's own options, so -D settings still apply; {@code UNBIND_VALIDATE_TUNED=false}, or any
     * -XX:TieredStopAtLevel given, runs it here as it is.
     */
    static Optional<List<String>> tunedCommandLine(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String classPath = System.getProperty("java.class.path", "");
        Optional<String> java = ProcessHandle.current().info().command();
        if ("false".equalsIgnoreCase(setting("unbind.validate.tuned", "true"))
                || jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))
                || !classPath.endsWith(".jar") || classPath.contains(File.pathSeparator) || java.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.add("-XX:TieredStopAtLevel=1");
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            command.add("-XX:+UseSerialGC");
        }
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(classPath);
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    private static int runTuned(List<String> command) {
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            // cannot start a second JVM here: validate in this one, only slower
            return ValidateCommand.run(command.subList(command.indexOf("-jar") + 2, command.size())
                    .toArray(String[]::new), System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** The embedded database held by another instance, as the usual settings (-D, environment, default) name it. */
    private static Optional<String> embeddedDatabaseInUse() {
        String kind = setting("unbind.storage.kind", "h2");
        if (!kind.strip().toLowerCase(Locale.ROOT).equals("h2")) {
            return Optional.empty();
        }
        return EmbeddedDatabaseLock.heldByAnotherProcess(Path.of(setting("unbind.storage.data-directory", "./data")));
    }

    private static String setting(String key, String byDefault) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? byDefault : value;
    }
}
