package io.posunbind.ruleset;

import java.time.Instant;

/**
 * A row of ruleset_version, with the time it was last activated.
 *
 * @param version     {@code sha256:...}, the key of its files in ruleset_snapshot
 * @param createdAt   when it was stored
 * @param source      {@code directory} or {@code upload}
 * @param createdBy   who stored it; empty when unknown
 * @param label       the label given at upload, or null
 * @param fileCount   how many files it has, scenarios and docs included
 * @param validation  its validation summary, as JSON
 * @param activatedAt when it was last activated, or null when never
 * @param activatedBy who activated it last, or null when never
 */
public record StoredVersion(String version, Instant createdAt, String source, String createdBy, String label,
                            int fileCount, String validation, Instant activatedAt, String activatedBy) {
    public static final String DIRECTORY = "directory";
    public static final String UPLOAD = "upload";

    /** A version about to be stored: never activated yet. */
    public static StoredVersion of(String version, Instant createdAt, String source, String createdBy, String label,
                                   int fileCount, String validation) {
        return new StoredVersion(version, io.posunbind.storage.FieldHash.storable(createdAt), source, createdBy,
                label, fileCount, validation, null, null);
    }
}
