package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.posunbind.storage.Storage.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The embedded store runs with the settings that keep its file near 3 KB a decision (application.properties,
 * docs/benchmarks.md "Storage per decision"): a freed chunk is reused after a second, and chunks are compacted while
 * still 95% full.
 */
@QuarkusTest
class H2StoreSettingsTest {
    @Inject
    Database storage;

    @Test
    void theEmbeddedStoreReusesFreedSpaceWithinASecondAndCompactsEarly() throws SQLException {
        Map<String, String> settings = new HashMap<>();
        try (Connection c = storage.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(settings).containsEntry("RETENTION_TIME", "1000").containsEntry("AUTO_COMPACT_FILL_RATE", "95");
    }
}
