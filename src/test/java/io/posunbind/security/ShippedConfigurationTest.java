package io.posunbind.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** What ships in the packaged app holds no password that works and no users. */
class ShippedConfigurationTest {

    @Test
    void theShippedConfigurationHasNoPasswordAndNoUsersOutsideDevAndTest() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        String text = Files.readString(Path.of("src/main/resources/application.properties"));

        assertThat(shipped.stringPropertyNames()).filteredOn(k -> k.toLowerCase().contains("password")).isEmpty();
        assertThat(shipped).doesNotContainKey("unbind.security.users-file");
        assertThat(shipped.getProperty("%dev.unbind.security.users-file")).isEqualTo("config/demo-users");
        for (String demoPassword : List.of(TestUsers.CLIENT_PASSWORD, TestUsers.RULES_ADMIN_PASSWORD,
                TestUsers.AUDITOR_PASSWORD)) {
            assertThat(text).doesNotContain(demoPassword);
            assertThat(Files.readString(Path.of("config/demo-users"))).doesNotContain(demoPassword);
        }
    }
}
