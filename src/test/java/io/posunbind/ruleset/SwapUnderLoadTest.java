package io.posunbind.ruleset;

import static io.posunbind.ruleset.LifecycleFixtures.activate;
import static io.posunbind.ruleset.LifecycleFixtures.decide;
import static io.posunbind.ruleset.LifecycleFixtures.stored;
import static io.posunbind.ruleset.LifecycleFixtures.withFee;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Decisions keep coming while two versions are activated back and forth: none fails, and each answer's fee is the
 * one of the version the answer names, so no decision mixed two versions.
 */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class SwapUnderLoadTest {
    private static final int SWAPS = 20;
    private static final int CLIENTS = 3;

    @Test
    void decisionsDuringManySwapsAllSucceedAndEachMatchesTheVersionItNames() throws Exception {
        String ten = stored(withFee("10.00"));
        String twentyFive = stored(withFee("25.00"));
        Map<String, String> feeOf = Map.of(ten, "10.0", twentyFive, "25.0");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> byVersion = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clientTasks = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clientTasks.add(clients.submit(() -> {
                while (running.get()) {
                    Response response = decide();
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.asString());
                        continue;
                    }
                    JsonPath answer = response.jsonPath();
                    String version = answer.getString("rulesetVersion");
                    String fee = RuleSetApiTest.handlingFee(answer);
                    if (!feeOf.containsKey(version) || !feeOf.get(version).equals(fee)) {
                        failures.add(version + " answered a handling fee of " + fee);
                    }
                    byVersion.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                    answered.incrementAndGet();
                }
            }));
        }
        try {
            for (int swap = 0; swap < SWAPS; swap++) {
                activate(swap % 2 == 0 ? twentyFive : ten).then().statusCode(200);
                int before = answered.get();
                // let some decisions through on this version before the next swap
                for (int wait = 0; wait < 100 && answered.get() < before + CLIENTS; wait++) {
                    Thread.sleep(10);
                }
            }
        } finally {
            running.set(false);
            for (Future<?> client : clientTasks) {
                client.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }

        assertThat(failures).isEmpty();
        assertThat(answered.get()).isGreaterThan(SWAPS * CLIENTS);
        assertThat(byVersion.keySet()).containsExactlyInAnyOrder(ten, twentyFive);
    }
}
