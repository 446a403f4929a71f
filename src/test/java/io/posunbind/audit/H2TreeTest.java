package io.posunbind.audit;

import java.nio.file.Path;

/** The tree over an embedded H2 file. */
class H2TreeTest extends TreeContract {
    @Override
    TestDatabase openDatabase(Path directory) {
        return TestDatabase.h2(directory);
    }
}
