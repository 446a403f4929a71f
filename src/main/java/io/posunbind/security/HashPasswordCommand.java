package io.posunbind.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code java -jar quarkus-run.jar hash-password [NAME ROLE[,ROLE]]}: asks for a password (twice, without echo, on
 * a terminal; one line from standard input otherwise) and prints its bcrypt hash, or with a name and roles the whole
 * users-file line, ready for {@code >> users}. Exit status 0, or 2 when the arguments or the password are refused.
 * Plain Java: no server, no port.
 */
public final class HashPasswordCommand {

    /** Where the password comes from; the terminal when there is one. */
    public interface PasswordSource {
        /** The password typed, or null when none could be read. */
        char[] read(String prompt);
    }

    private HashPasswordCommand() {
    }

    public static int run(String[] args, PasswordSource passwords, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.size() != 0 && rest.size() != 2) {
            err.println("usage: hash-password [NAME ROLE[,ROLE...]]   roles: " + new TreeSet<>(Roles.ALL));
            return 2;
        }
        String lineStart = "";
        if (rest.size() == 2) {
            try {
                UsersFile.checkName(rest.get(0), "");
                UsersFile.roles(rest.get(1), "");
            } catch (UsersFile.UsersFileException e) {
                err.println(e.getMessage());
                return 2;
            }
            lineStart = rest.get(0) + ":";
        }
        char[] password = passwords.read("Password: ");
        if (password == null || password.length == 0) {
            err.println("No password; nothing printed.");
            return 2;
        }
        String hash = Bcrypt.hash(new String(password));
        Arrays.fill(password, '\0');
        out.println(rest.size() == 2 ? lineStart + hash + ":" + rest.get(1) : hash);
        return 0;
    }

    /** The terminal (asked twice, no echo) when there is one, else the first line of standard input. */
    public static PasswordSource standard(Console console, InputStream in, PrintStream err) {
        if (console != null) {
            return prompt -> {
                char[] first = console.readPassword(prompt);
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    err.println("The two passwords differ.");
                    return null;
                }
                return first;
            };
        }
        return prompt -> {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                return line == null ? null : line.toCharArray();
            } catch (IOException e) {
                return null;
            }
        };
    }
}
