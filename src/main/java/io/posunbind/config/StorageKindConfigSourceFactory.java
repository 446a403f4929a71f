package io.posunbind.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Makes {@code unbind.storage.kind} the one switch between the embedded H2 and PostgreSQL. Both datasources are
 * built in (a datasource's kind is fixed at build time); this source activates the chosen one and deactivates the
 * other at startup, so the unused pool is never opened and its migrations never run. Its ordinal is below
 * application.properties: anyone who sets {@code quarkus.datasource."h2".active} explicitly still wins.
 */
public class StorageKindConfigSourceFactory implements ConfigSourceFactory {
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue("unbind.storage.kind");
        String kind = configured == null || configured.getValue() == null
                ? "h2" : configured.getValue().strip().toLowerCase(Locale.ROOT);
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.\"h2\".active", Boolean.toString(kind.equals("h2")),
                "quarkus.datasource.\"postgresql\".active", Boolean.toString(kind.equals("postgresql"))),
                "unbind.storage.kind", ORDINAL));
    }
}
