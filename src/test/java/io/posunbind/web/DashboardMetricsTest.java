package io.posunbind.web;

import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every metric the Grafana dashboard and the Prometheus alerts of deploy/ query is one the service exports at
 * /q/metrics: a renamed metric breaks this test, not an operator's dashboard at night.
 */
@QuarkusTest
class DashboardMetricsTest {
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:unbind|http_server|agroal|jvm|process)_[a-z_]+)(?=[{\\[)\\s]|$)");

    private static Set<String> queried(Path file) throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(Files.readString(file));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theDashboardAndTheAlertsQueryOnlyMetricsTheServiceExports() throws Exception {
        asClient().contentType(ContentType.JSON).body(Files.readString(Path.of("src/test/resources/audit/request.json")))
                .when().post("/api/v1/decisions").then().statusCode(200);
        Set<String> names = PrometheusSamples.names();
        Set<String> dashboard = queried(Path.of("deploy/grafana/pos-unbind-dashboard.json"));
        Set<String> alerts = queried(Path.of("deploy/prometheus/alerts.yaml"));
        assertThat(dashboard).hasSizeGreaterThan(10).contains("unbind_decisions_total", "agroal_awaiting_count");
        assertThat(alerts).hasSizeGreaterThan(5);
        assertThat(names).as("exported at /q/metrics").containsAll(dashboard).containsAll(alerts);
    }
}
