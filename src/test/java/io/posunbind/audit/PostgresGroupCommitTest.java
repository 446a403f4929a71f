package io.posunbind.audit;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;

/** Group commit on the real PostgreSQL, each test in a database of its own. */
@ExtendWith(PostgresCondition.class)
class PostgresGroupCommitTest extends GroupCommitContract {
    @Override
    TestDatabase openDatabase(Path directory) {
        return TestDatabase.postgres();
    }
}
