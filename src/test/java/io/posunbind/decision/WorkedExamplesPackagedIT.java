package io.posunbind.decision;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The worked examples against the packaged app (java -jar target/quarkus-app/quarkus-run.jar). */
@QuarkusIntegrationTest
class WorkedExamplesPackagedIT extends WorkedExamplesApiTest {
}
