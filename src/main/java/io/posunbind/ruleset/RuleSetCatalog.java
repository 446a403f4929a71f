package io.posunbind.ruleset;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.errors.NotFoundException;

/** Reads the stored versions: the list, one version with its files, the active one, the history. */
@ApplicationScoped
public class RuleSetCatalog {
    static final String INTACT = "intact";
    static final String ALTERED = "altered";

    private final RuleSetStore store;
    private final ActiveRuleSet active;
    private final RuleSetLifecycle lifecycle;

    public RuleSetCatalog(RuleSetStore store, ActiveRuleSet active, RuleSetLifecycle lifecycle) {
        this.store = store;
        this.active = active;
        this.lifecycle = lifecycle;
    }

    /** Every stored version, newest first, without files. */
    public List<RuleSetView> list() {
        String activeVersion = active.version();
        java.util.Set<String> scheduled = scheduledVersions();
        return store.list().stream().map(v -> RuleSetView.of(v, activeVersion, null, lifecycle.approval(v), null,
                scheduled.contains(v.version()))).toList();
    }

    /**
     * One version with the text of its files. Files altered since they were stored are shown as they are now,
     * flagged {@code altered}, so that the alteration can be looked at; nothing decides with them.
     */
    public RuleSetView get(String version) {
        StoredVersion stored = store.find(version)
                .orElseThrow(() -> new NotFoundException("No rule-set version " + version + " is stored"));
        RuleSetSnapshot snapshot = store.snapshot(version);
        return RuleSetView.of(stored, active.version(), snapshot.files(), lifecycle.approval(stored),
                snapshot.intact() ? INTACT : ALTERED, scheduledVersions().contains(version));
    }

    private java.util.Set<String> scheduledVersions() {
        return store.pendingSchedules().stream().map(Schedule::version).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * What differs between a stored version and another ({@code active} for the one deciding here): files, rules
     * and scenarios.
     */
    public RuleSetDiff diff(String version, String against) {
        String other = against == null || against.isBlank() || against.equals("active") ? active.version() : against;
        return RuleSetDiff.of(version, store.files(version), other, store.files(other));
    }

    /** The version deciding on this instance, with its files. */
    public RuleSetView active() {
        return get(active.version());
    }

    /** Every activation, newest first, each with the version it replaced. */
    public List<ActivationView> activations(int limit) {
        List<Activation> history = store.activationHistory(limit + 1);
        List<ActivationView> views = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(limit, history.size()); i++) {
            Activation a = history.get(i);
            String previous = i + 1 < history.size() ? history.get(i + 1).version() : null;
            views.add(new ActivationView(a.id(), a.version(), previous, a.activatedAt(), a.activatedBy(),
                    a.instanceId(), a.reason()));
        }
        return views;
    }

    /** The governance log, newest first; {@code version} null for every version. */
    public List<RuleSetEvent> events(String version, int limit) {
        if (version != null) {
            List<RuleSetEvent> events = new java.util.ArrayList<>(store.events(version));
            java.util.Collections.reverse(events);
            return events.subList(0, Math.min(limit, events.size()));
        }
        return store.latestEvents(null, limit);
    }

    /**
     * One activation as the history shows it.
     *
     * @param id              its place in the order of all activations
     * @param version         the version made active
     * @param previousVersion the version it replaced; null for the first
     * @param activatedAt     when
     * @param activatedBy     who: a user, or {@code system:startup}
     * @param instanceId      the instance that recorded it
     * @param reason          {@code startup}, {@code reload}, {@code activate}, {@code watch} or {@code schedule}
     */
    public record ActivationView(long id, String version, String previousVersion, java.time.Instant activatedAt,
                                 String activatedBy, String instanceId, String reason) {
    }
}
