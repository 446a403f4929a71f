package io.posunbind.ruleset;

import java.time.Instant;
import java.util.SortedMap;

import io.posunbind.engine.RuleFiles;

/**
 * A stored rule set: the version it was stored under and the text of all its files.
 *
 * @param version  the version it was stored under
 * @param files    every file by relative path
 * @param storedAt when it was first stored
 */
record RuleSetSnapshot(String version, SortedMap<String, String> files, Instant storedAt) {

    /** The files as a rule set, its version computed afresh from their content. */
    RuleFiles content() {
        return RuleFiles.of(files);
    }

    /** True when the files still hash to the version they were stored under. */
    boolean intact() {
        return content().version().equals(version);
    }
}
