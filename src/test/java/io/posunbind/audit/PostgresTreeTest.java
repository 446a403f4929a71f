package io.posunbind.audit;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;

/** The tree over the real PostgreSQL, each test in a database of its own. */
@ExtendWith(PostgresCondition.class)
class PostgresTreeTest extends TreeContract {
    @Override
    TestDatabase openDatabase(Path directory) {
        return TestDatabase.postgres();
    }
}
