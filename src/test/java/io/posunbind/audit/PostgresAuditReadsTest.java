package io.posunbind.audit;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;

/** Reading the audit store on the real PostgreSQL, each test in a database of its own. */
@ExtendWith(PostgresCondition.class)
class PostgresAuditReadsTest extends AuditReadsContract {
    @Override
    TestDatabase openDatabase(Path directory) {
        return TestDatabase.postgres();
    }
}
