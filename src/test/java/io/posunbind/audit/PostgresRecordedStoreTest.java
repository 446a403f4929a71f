package io.posunbind.audit;

import org.junit.jupiter.api.extension.ExtendWith;

/** The earlier build's store upgraded on the real PostgreSQL. */
@ExtendWith(PostgresCondition.class)
class PostgresRecordedStoreTest extends RecordedStoreContract {
    @Override
    boolean postgres() {
        return true;
    }
}
