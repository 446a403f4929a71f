package io.posunbind.ruleset;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.engine.CompiledRuleSet;

/**
 * The candidate that shadows the active version, if any: it decides every live request as well, off the answer
 * path, and its differences are counted; it never answers. Held like the active rule set, so a shadow stopped or
 * replaced while a shadow decision runs is released only when that decision ends.
 */
@ApplicationScoped
public class ShadowRuleSet {
    private final ActiveRuleSet held = new ActiveRuleSet();
    private final AtomicReference<Session> session = new AtomicReference<>();

    /**
     * A shadow session: the event that started it, the version, who started it and when.
     *
     * @param id      the sequence number of its shadow-started event, which names its report
     */
    public record Session(long id, String version, String startedBy, Instant since) {
    }

    /** The session running, if any. */
    public Optional<Session> session() {
        return Optional.ofNullable(session.get());
    }

    /** A lease on the shadow's rule set, with its session; empty when no shadow runs. */
    public Optional<Leased> lease() {
        Session current = session.get();
        if (current == null || !held.isLoaded()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Leased(current, held.acquire()));
        } catch (RuntimeException e) {
            return Optional.empty(); // stopped meanwhile
        }
    }

    /** A leased shadow rule set; close it when done. */
    public record Leased(Session session, RuleSetLease lease) implements AutoCloseable {
        @Override
        public void close() {
            lease.close();
        }
    }

    void start(Session next, CompiledRuleSet ruleSet) {
        held.swap(ruleSet);
        session.set(next);
    }

    void stop() {
        session.set(null);
        held.clear();
    }
}
