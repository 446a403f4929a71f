package io.posunbind.ruleset;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.errors.NotFoundException;

/** Reads the stored versions: the list, one version with its files, the active one. */
@ApplicationScoped
public class RuleSetCatalog {
    private final RuleSetStore store;
    private final ActiveRuleSet active;

    public RuleSetCatalog(RuleSetStore store, ActiveRuleSet active) {
        this.store = store;
        this.active = active;
    }

    /** Every stored version, newest first, without files. */
    public List<RuleSetView> list() {
        String activeVersion = active.version();
        return store.list().stream().map(v -> RuleSetView.of(v, activeVersion, null)).toList();
    }

    /** One version with the text of its files. */
    public RuleSetView get(String version) {
        StoredVersion stored = store.find(version)
                .orElseThrow(() -> new NotFoundException("No rule-set version " + version + " is stored"));
        return RuleSetView.of(stored, active.version(), store.files(version).files());
    }

    /** The version deciding on this instance, with its files. */
    public RuleSetView active() {
        return get(active.version());
    }
}
