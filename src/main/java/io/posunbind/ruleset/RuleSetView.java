package io.posunbind.ruleset;

import java.time.Instant;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonInclude;


/**
 * A stored rule-set version as the API shows it.
 *
 * @param version     {@code sha256:...} over the files that decide (scenarios and docs do not count)
 * @param createdAt   when it was stored
 * @param activatedAt when it was last activated; null when never
 * @param active      true when it is the version deciding on this instance now
 * @param source      {@code directory} (the rules directory) or {@code upload}
 * @param createdBy   who stored it; empty when unknown
 * @param label       the label given at upload
 * @param fileCount   files in it, scenarios and docs included
 * @param validation  what validation found when it was stored
 * @param files       every file's text by path; only when one version is asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(String version, Instant createdAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant activatedAt,
                          boolean active, String source, String createdBy,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String label, int fileCount,
                          ValidationSummary validation, SortedMap<String, String> files) {

    static RuleSetView of(StoredVersion v, String activeVersion, SortedMap<String, String> files) {
        return new RuleSetView(v.version(), v.createdAt(), v.activatedAt(), v.version().equals(activeVersion),
                v.source(), v.createdBy(), v.label(), v.fileCount(), ValidationSummary.fromJson(v.validation()),
                files);
    }
}
