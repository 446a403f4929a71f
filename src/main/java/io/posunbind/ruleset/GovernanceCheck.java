package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.posunbind.storage.FieldHash;

/**
 * Checks the governance log and the rows it recorded: every event's hash and its link to the one before, the
 * sequence without gaps, each version row against the event that stored it, each activation row against the event
 * that activated it. Finds every break, not only the first.
 *
 * @param eventsChecked events read
 * @param breaks        what does not check out, in the log's order
 */
public record GovernanceCheck(long eventsChecked, List<Break> breaks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One break.
     *
     * @param sequence the event it is at, or null for a row the log does not know
     * @param version  the version concerned
     * @param field    the field that differs, where one can be named
     * @param reason   what is wrong, in plain words
     */
    public record Break(Long sequence, String version, String field, String reason) {
    }

    static GovernanceCheck of(List<RuleSetEvent> events, List<StoredVersion> versions, List<Activation> activations) {
        List<Break> breaks = new ArrayList<>();
        long expected = 1;
        String previousHash = RuleSetEvent.GENESIS;
        Map<String, RuleSetEvent> storedEvents = new HashMap<>();
        Map<Long, RuleSetEvent> activatedEvents = new HashMap<>();
        for (RuleSetEvent e : events) {
            if (e.sequence() != expected) {
                breaks.add(new Break(e.sequence(), e.version(), null, e.sequence() > expected
                        ? "event" + (e.sequence() - expected == 1 ? " " + expected + " is" : "s " + expected + " to "
                          + (e.sequence() - 1) + " are") + " missing before it: deleted from the log"
                        : "its sequence number repeats or goes back: the log was reordered"));
            }
            if (!e.contentHash().equals(e.hash())) {
                breaks.add(new Break(e.sequence(), e.version(), null, "altered: its content no longer hashes to its "
                        + "recorded hash"));
            } else if (!e.previousHash().equals(previousHash)) {
                breaks.add(new Break(e.sequence(), e.version(), "previousHash", "it does not follow the event "
                        + "before it (its previous hash is not that event's hash): an event was inserted, deleted or "
                        + "rewritten"));
            }
            expected = e.sequence() + 1;
            previousHash = e.hash();
            if (e.kind().equals(RuleSetEvent.STORED)) {
                storedEvents.putIfAbsent(e.version(), e);
            } else if (e.kind().equals(RuleSetEvent.ACTIVATED) && e.ref() != null) {
                activatedEvents.put(e.ref(), e);
            }
        }
        for (StoredVersion v : versions) {
            RuleSetEvent stored = storedEvents.get(v.version());
            if (stored == null) {
                breaks.add(new Break(null, v.version(), null, "the version's row has no stored event: it was "
                        + "inserted outside the service"));
                continue;
            }
            String field = differingField(stored.detail(), RuleSetStore.storedDetail(v));
            if (field != null) {
                breaks.add(new Break(stored.sequence(), v.version(), field, "the version's row differs from what "
                        + "was recorded when it was stored: " + field + " was altered"));
            }
        }
        Map<Long, Activation> rows = new HashMap<>();
        for (Activation a : activations) {
            rows.put(a.id(), a);
            RuleSetEvent activated = activatedEvents.get(a.id());
            if (activated == null) {
                breaks.add(new Break(null, a.version(), null, "activation " + a.id() + " has no activated event: "
                        + "it was inserted outside the service"));
                continue;
            }
            String field = !activated.version().equals(a.version()) ? "version"
                    : !activated.by().equals(a.activatedBy()) ? "activatedBy"
                    : !FieldHash.timestamp(activated.at()).equals(FieldHash.timestamp(a.activatedAt())) ? "activatedAt"
                    : null;
            if (field != null) {
                breaks.add(new Break(activated.sequence(), a.version(), field, "activation " + a.id() + " differs "
                        + "from the event that recorded it: " + field + " was altered"));
            }
        }
        activatedEvents.forEach((id, e) -> {
            if (!rows.containsKey(id)) {
                breaks.add(new Break(e.sequence(), e.version(), null, "activation " + id + ", recorded by this "
                        + "event, is missing from ruleset_activation: it was deleted"));
            }
        });
        return new GovernanceCheck(events.size(), List.copyOf(breaks));
    }

    private static String differingField(String recorded, String now) {
        try {
            JsonNode a = JSON.readTree(recorded == null ? "{}" : recorded);
            JsonNode b = JSON.readTree(now);
            for (var it = b.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!a.path(name).equals(b.path(name))) {
                    return name;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            return "detail";
        }
    }
}
