package io.posunbind.audit;

import java.nio.file.Path;

/** Group commit on an embedded H2 file, as the service runs by default. */
class H2GroupCommitTest extends GroupCommitContract {
    @Override
    TestDatabase openDatabase(Path directory) {
        return TestDatabase.h2(directory);
    }
}
