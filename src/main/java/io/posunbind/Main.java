package io.posunbind;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import io.posunbind.ruleset.ValidateCommand;
import io.posunbind.security.HashPasswordCommand;
import io.posunbind.storage.EmbeddedDatabaseLock;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged app's entry point. With no argument it starts the service. {@code validate [dir]} validates a rules
 * directory and exits, without starting the service: it runs before {@link Quarkus#run}, so no port is bound, no
 * configuration is read and it is as fast as the validation itself. {@code hash-password [NAME ROLE]} likewise
 * prints a bcrypt hash (or a whole users-file line) for a password typed at the terminal.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(args, System.out));
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
