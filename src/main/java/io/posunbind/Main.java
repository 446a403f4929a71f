package io.posunbind;

import io.posunbind.ruleset.ValidateCommand;
import io.posunbind.security.HashPasswordCommand;
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
        Quarkus.run(args);
    }
}
