package io.posunbind.audit;

/** The earlier build's store upgraded on an embedded H2 file. */
class H2RecordedStoreTest extends RecordedStoreContract {
    @Override
    boolean postgres() {
        return false;
    }
}
