package io.posunbind.audit;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The audit API with the service on the real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresCondition.class)
class PostgresAuditApiTest extends AuditApiTest {
}
