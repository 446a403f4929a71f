package io.posunbind.ruleset;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a version stands in four-eyes approval, from its events in the governance log: each approver's latest word
 * counts (an approval, or a rejection that an approval by the same person later withdraws); the author's own words
 * never count. A version may be activated when it is approved by enough people other than its author and nobody's
 * latest word on it is a rejection, or when it was active before (a rollback to it needs no second approval).
 *
 * @param author     who stored it
 * @param required   approvals it needs ({@code unbind.rules.approvals-required})
 * @param approvals  who approved it, with when and their comment; the author never appears
 * @param rejections who rejected it and did not approve it since
 * @param wasActive  true when it was activated before
 */
public record ApprovalState(String author, int required, List<Word> approvals, List<Word> rejections,
                            boolean wasActive) {

    /** An approver's word on a version. */
    public record Word(String by, Instant at, String comment) {
    }

    static ApprovalState of(StoredVersion version, List<RuleSetEvent> events, int required) {
        Map<String, RuleSetEvent> latest = new LinkedHashMap<>();
        boolean wasActive = false;
        for (RuleSetEvent e : events) {
            if ((e.kind().equals(RuleSetEvent.APPROVED) || e.kind().equals(RuleSetEvent.REJECTED))
                    && !e.by().equals(version.createdBy())) {
                latest.remove(e.by());
                latest.put(e.by(), e);
            }
            wasActive |= e.kind().equals(RuleSetEvent.ACTIVATED);
        }
        List<Word> approvals = latest.values().stream().filter(e -> e.kind().equals(RuleSetEvent.APPROVED))
                .map(e -> new Word(e.by(), e.at(), e.comment())).toList();
        List<Word> rejections = latest.values().stream().filter(e -> e.kind().equals(RuleSetEvent.REJECTED))
                .map(e -> new Word(e.by(), e.at(), e.comment())).toList();
        return new ApprovalState(version.createdBy(), required, approvals, rejections, wasActive);
    }

    /** True when it may be activated or scheduled. */
    @JsonProperty("approved")
    public boolean approved() {
        return wasActive || (rejections.isEmpty() && approvals.size() >= required);
    }

    /** What stands between the version and its activation, in one sentence; null when nothing does. */
    public String missing(String version) {
        if (approved()) {
            return null;
        }
        if (!rejections.isEmpty()) {
            Word r = rejections.get(0);
            return "Version " + version + " was rejected by " + r.by() + " at " + r.at() + " (\"" + r.comment()
                    + "\"); it cannot be activated unless " + r.by() + " approves it";
        }
        return "Version " + version + " needs " + required + " approval" + (required == 1 ? "" : "s")
                + " by a rules approver other than its author (" + describe(author) + ") before it can be "
                + "activated; it has " + approvals.size() + ". POST /api/v1/rulesets/" + version + "/approve as a "
                + "rules-approver";
    }

    static String describe(String by) {
        return by == null || by.isEmpty() ? "unknown" : by;
    }
}
