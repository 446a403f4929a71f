package io.posunbind.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's scripts and styles are served from META-INF/resources/console/assets and cached by browsers for a
 * day; the pages ask for them with {@code ?v=} and a hash of their content, so a new release is fetched at once.
 */
@ApplicationScoped
public class ConsoleAssets {
    static final List<String> FILES = List.of("console.js", "console.css");
    private final String version;

    public ConsoleAssets() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                try (InputStream in = ConsoleAssets.class.getClassLoader()
                        .getResourceAsStream("META-INF/resources/console/assets/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("The console's " + file + " is not in the application");
                    }
                    digest.update(in.readAllBytes());
                }
            }
            version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash of the assets' content. */
    public String version() {
        return version;
    }
}
