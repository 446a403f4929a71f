package io.posunbind.ruleset;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.posunbind.storage.FieldHash;

/**
 * One event of the rule-set governance log (ruleset_event): a version stored, approved, rejected, activated,
 * scheduled or a schedule cancelled. Its hash covers every field and the previous event's hash.
 *
 * @param sequence     1, 2, 3, ... with no gap
 * @param kind         {@link #STORED}, {@link #APPROVED}, {@link #REJECTED}, {@link #ACTIVATED}, {@link #SCHEDULED}
 *                     {@link #CANCELLED}, {@link #SHADOW_STARTED} or {@link #SHADOW_STOPPED}
 * @param version      the version acted on
 * @param fromVersion  activated: the version it replaced, null for the first
 * @param effectiveAt  scheduled: when the version becomes active
 * @param at           when it happened
 * @param by           who: a user's name, or {@code system:startup} and {@code system:directory-watch}
 * @param comment      the approver's or activator's words
 * @param ref          activated: its ruleset_activation row; scheduled and cancelled: the schedule
 * @param detail       stored: the version row as recorded (JSON), which verify compares with the row
 * @param previousHash the previous event's hash, or 64 zeros for the first
 * @param hash         this event's hash
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetEvent(long sequence, String kind, String version, String fromVersion, Instant effectiveAt,
                           Instant at, String by, String comment, Long ref, @JsonIgnore String detail,
                           String previousHash, String hash) {
    public static final String STORED = "stored";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String ACTIVATED = "activated";
    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";
    public static final String SHADOW_STARTED = "shadow-started";
    public static final String SHADOW_STOPPED = "shadow-stopped";
    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);
    static final String SCHEME = "unbind-ruleset-event-v1";

    /** The hash this event's content gives; equal to {@link #hash} unless the row was altered. */
    public String contentHash() {
        return FieldHash.of(SCHEME).field(Long.toString(sequence)).field(kind).field(version).field(fromVersion)
                .field(effectiveAt).field(at).field(by).field(comment).field(ref == null ? null : ref.toString())
                .field(detail).field(previousHash).hex();
    }

    /** The event as it is appended: its place in the chain is given when it is written. */
    record Draft(String kind, String version, String fromVersion, Instant effectiveAt, Instant at, String by,
                 String comment, Long ref, String detail) {
        RuleSetEvent chained(long sequence, String previousHash) {
            RuleSetEvent unhashed = new RuleSetEvent(sequence, kind, version, fromVersion,
                    effectiveAt == null ? null : FieldHash.storable(effectiveAt), FieldHash.storable(at), by, comment,
                    ref, detail, previousHash, null);
            return new RuleSetEvent(sequence, kind, version, fromVersion, unhashed.effectiveAt, unhashed.at, by,
                    comment, ref, detail, previousHash, unhashed.contentHash());
        }

        Draft withRef(long id) {
            return new Draft(kind, version, fromVersion, effectiveAt, at, by, comment, id, detail);
        }
    }
}
