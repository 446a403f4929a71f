package io.posunbind.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.TreeSet;

/**
 * The first user of a service started without a users file: {@value #NAME}, with every role and a random password
 * that is shown once, at the start that made it. Only its bcrypt hash is written, to a users file of the service's
 * own under the data directory, so later starts sign the same user in without showing anything again.
 */
final class BootstrapUser {
    static final String NAME = "bootstrap";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BootstrapUser() {
    }

    /**
     * Writes the users file with the bootstrap user, unless it exists.
     *
     * @return the new password, or null when the file existed (nothing was made)
     */
    static String createUnlessPresent(Path file) {
        if (Files.exists(file)) {
            return null;
        }
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String line = NAME + ":" + Bcrypt.hash(password.toString()) + ":" + String.join(",", new TreeSet<>(Roles.ALL));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "# Made at the first start because no users file was configured "
                    + "(unbind.security.users-file). Its password was shown once, in that start's log.\n"
                    + "# Add users with: java -jar target/quarkus-app/quarkus-run.jar hash-password NAME ROLE >> "
                    + file + "\n" + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the users file " + file, e);
        }
        return password.toString();
    }
}
