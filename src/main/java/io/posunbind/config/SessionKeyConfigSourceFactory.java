package io.posunbind.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The key that encrypts the console's session cookies ({@code quarkus.http.auth.session.encryption-key}) when none
 * is configured: 32 random bytes made at each start and never written anywhere. Left unset, Quarkus would make one
 * itself and print it in the log, where anyone who reads the log could forge a session. Several instances behind
 * one address must share a configured key (docs/operations.md); with this one, sessions end when the process does.
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {
    static final String KEY = "quarkus.http.auth.session.encryption-key";
    /** Below application.properties and the environment: a configured key always wins. */
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(KEY);
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return List.of();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return List.of(new PropertiesConfigSource(Map.of(KEY, Base64.getEncoder().encodeToString(key)),
                "a session key made at this start", ORDINAL));
    }
}
