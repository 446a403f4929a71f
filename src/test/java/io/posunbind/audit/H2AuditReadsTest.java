package io.posunbind.audit;

import java.nio.file.Path;

/** Reading the audit store on an embedded H2 file, as the service runs by default. */
class H2AuditReadsTest extends AuditReadsContract {
    @Override
    TestDatabase openDatabase(Path directory) {
        return TestDatabase.h2(directory);
    }
}
