package io.posunbind.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stored rule-set version as the API shows it.
 *
 * @param version           {@code sha256:...} over the files that decide (scenarios and docs do not count)
 * @param createdAt         when it was stored
 * @param activatedAt       when it was last activated; null when never
 * @param activatedBy       who activated it last; null when never
 * @param active            true when it is the version deciding on this instance now
 * @param state             {@code active}, {@code scheduled} (an activation of it is scheduled), {@code retired}
 *                          (active before, not now), {@code approved},
 *                          {@code rejected} or {@code awaiting-approval}
 * @param source            {@code directory} (the rules directory) or {@code upload}
 * @param createdBy         who stored it: a user, or {@code system:startup} for the directory at a start
 * @param label             the label given at upload
 * @param fileCount         files in it, scenarios and docs included
 * @param validation        what validation found when it was stored
 * @param approvalsRequired approvals by someone other than its author it needs before it may be activated
 * @param approvals         who approved it, when, and what they said
 * @param rejections        who rejected it (and did not approve it since)
 * @param integrity         with files only: {@code intact}, or {@code altered} when the stored files no longer hash
 *                          to the version (they are shown for the investigation; nothing decides with them)
 * @param files             every file's text by path; only when one version is asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(String version, Instant createdAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant activatedAt,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String activatedBy, boolean active, String state,
                          String source, String createdBy, @JsonInclude(JsonInclude.Include.ALWAYS) String label,
                          int fileCount, ValidationSummary validation, int approvalsRequired,
                          List<ApprovalState.Word> approvals, List<ApprovalState.Word> rejections, String integrity,
                          SortedMap<String, String> files) {
    static final String ACTIVE = "active";
    static final String RETIRED = "retired";
    static final String SCHEDULED = "scheduled";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String AWAITING = "awaiting-approval";

    static RuleSetView of(StoredVersion v, String activeVersion, SortedMap<String, String> files,
                          ApprovalState approval) {
        return of(v, activeVersion, files, approval, null, false);
    }

    static RuleSetView of(StoredVersion v, String activeVersion, SortedMap<String, String> files,
                          ApprovalState approval, String integrity, boolean scheduled) {
        boolean active = v.version().equals(activeVersion);
        String state = active ? ACTIVE : scheduled ? SCHEDULED : approval.wasActive() ? RETIRED
                : !approval.rejections().isEmpty() ? REJECTED : approval.approved() ? APPROVED : AWAITING;
        return new RuleSetView(v.version(), v.createdAt(), v.activatedAt(), v.activatedBy(), active, state,
                v.source(), v.createdBy(), v.label(), v.fileCount(), ValidationSummary.fromJson(v.validation()),
                approval.required(), approval.approvals(), approval.rejections(), integrity, files);
    }
}
