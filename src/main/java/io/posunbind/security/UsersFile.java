package io.posunbind.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a users file: one {@code name:bcrypt-hash:role,role} a line; blank lines and lines starting with {@code #}
 * are skipped. A line that is not of that shape stops the startup with its line number; the message never repeats
 * the hash.
 */
public final class UsersFile {
    /** Modular-crypt bcrypt ($2a$, $2b$ or $2y$), cost 04 to 31, 53 characters of salt and hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12]\\d|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UsersFile() {
    }

    /** One user: the name they sign in with, their bcrypt hash and roles. */
    public record User(String name, String hash, Set<String> roles) {
        @Override
        public String toString() {
            return "User[" + name + ", roles=" + roles + "]";
        }
    }

    public static Map<String, User> read(Path file) {
        return parse(bytes(file), file.toString());
    }

    /** The file's bytes, as {@link #parse(byte[], String)} takes them. */
    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsersFileException("The users file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The users of a file's bytes, which must be UTF-8. */
    static Map<String, User> parse(byte[] bytes, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UsersFileException("The users file " + source + " cannot be read: it is not UTF-8");
        }
        return parse(text.lines().toList(), source);
    }

    static Map<String, User> parse(List<String> lines, String source) {
        Map<String, User> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            User user = parseLine(line, source + ":" + (i + 1) + ": ");
            if (users.putIfAbsent(user.name(), user) != null) {
                throw new UsersFileException(source + ":" + (i + 1) + ": user " + user.name() + " is listed twice");
            }
        }
        return users;
    }

    private static User parseLine(String line, String where) {
        String[] parts = line.split(":", -1);
        if (parts.length != 3) {
            throw new UsersFileException(where + "expected name:bcrypt-hash:role,role");
        }
        checkName(parts[0], where);
        if (!BCRYPT.matcher(parts[1]).matches()) {
            throw new UsersFileException(where + "the password of " + parts[0]
                    + " is not a bcrypt hash; make one with hash-password");
        }
        return new User(parts[0], parts[1], roles(parts[2], where));
    }

    static void checkName(String name, String where) {
        if (!NAME.matcher(name).matches()) {
            throw new UsersFileException(where + "a user name is 1 to 64 letters, digits or . _ @ -");
        }
    }

    /** The roles of a comma-separated list, each one of {@link Roles#ALL}. */
    static Set<String> roles(String text, String where) {
        Set<String> roles = Arrays.stream(text.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(roles);
        unknown.removeAll(Roles.ALL);
        if (!unknown.isEmpty()) {
            throw new UsersFileException(where + "unknown role(s) " + unknown + "; the roles are "
                    + new TreeSet<>(Roles.ALL));
        }
        return Set.copyOf(roles);
    }

    /** A users file that cannot be used; the service does not start with it. */
    public static class UsersFileException extends RuntimeException {
        public UsersFileException(String message) {
            super(message);
        }
    }
}
