package io.posunbind.audit;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on PostgreSQL (unbind.storage.kind=postgresql) in a database of its own for this test run. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("unbind.storage.kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Database.class));
    }

    /** Creates the database before the service starts and drops it after the tests. */
    public static class Database implements QuarkusTestResourceLifecycleManager {
        private String name;

        @Override
        public Map<String, String> start() {
            name = PostgresTestSupport.createDatabase();
            return Map.of("quarkus.datasource.\"postgresql\".jdbc.url", PostgresTestSupport.url(name),
                    "quarkus.datasource.\"postgresql\".username", PostgresTestSupport.USER,
                    "outage-test.postgres-database", name);
        }

        @Override
        public void stop() {
            if (name != null) {
                PostgresTestSupport.dropDatabase(name);
            }
        }
    }
}
