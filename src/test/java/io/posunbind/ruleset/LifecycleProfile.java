package io.posunbind.ruleset;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on a rules directory of its own (a copy of the lifecycle test rules), which the tests change. */
public class LifecycleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("unbind.rules.directory", LifecycleFixtures.directory().toString());
    }
}
