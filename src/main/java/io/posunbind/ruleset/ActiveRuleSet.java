package io.posunbind.ruleset;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleSetException;

/**
 * The rule set that decides, swapped atomically. A decision takes a {@link #acquire() lease} and decides entirely
 * with that version, however many swaps happen meanwhile. A swap never waits for decisions: the replaced rule set
 * is released when the last lease on it ends. Loading and choosing the version is the
 * lifecycle's job; this class only holds it.
 */
@ApplicationScoped
public class ActiveRuleSet {
    private final AtomicReference<Held> current = new AtomicReference<>();
    private final AtomicReference<Armed> armed = new AtomicReference<>();

    /** A scheduled activation known ahead of time: at its instant, {@code next} replaces the active rule set. */
    private record Armed(long scheduleId, Instant at, CompiledRuleSet next) {
    }

    /**
     * A lease on the rule set that decides at {@code now}: when a scheduled activation's instant has come, its rule
     * set becomes the active one first, so no answer made at or after the instant is decided by the version before.
     */
    public RuleSetLease acquire(Instant now) {
        Armed pending = armed.get();
        if (pending != null && !now.isBefore(pending.at())) {
            fire(pending);
        }
        return acquire();
    }

    /**
     * Arms a scheduled activation with its compiled rule set; one armed before is disarmed (and released) unless it
     * is the same schedule, in which case {@code next} is released instead.
     */
    public synchronized void arm(long scheduleId, Instant at, CompiledRuleSet next) {
        Armed previous = armed.get();
        if (previous != null && previous.scheduleId() == scheduleId) {
            next.close();
            return;
        }
        armed.set(new Armed(scheduleId, at, next));
        if (previous != null) {
            previous.next().close();
        }
    }

    /** The schedule armed, or -1 when none is. */
    public long armedSchedule() {
        Armed pending = armed.get();
        return pending == null ? -1 : pending.scheduleId();
    }

    /** Disarms the armed schedule (cancelled), releasing its rule set. */
    public synchronized void disarm() {
        Armed was = armed.getAndSet(null);
        if (was != null) {
            was.next().close();
        }
    }

    /**
     * Makes the armed schedule's rule set active when its instant has come.
     *
     * @return the schedule that took effect here, or -1
     */
    public long fireIfDue(Instant now) {
        Armed pending = armed.get();
        if (pending != null && !now.isBefore(pending.at()) && fire(pending)) {
            return pending.scheduleId();
        }
        return -1;
    }

    /**
     * Swaps in the armed rule set, then clears the schedule, under one lock: a thread that saw the schedule due waits
     * here until the swap is done, and a thread that no longer sees it armed sees the swap. Clearing first would let
     * a decision slip between the two and lease the version before the instant (a CI run once saw it).
     */
    private synchronized boolean fire(Armed pending) {
        if (armed.get() != pending) {
            return false;
        }
        if (!pending.next().version().equals(version())) {
            swap(pending.next());
        } else {
            pending.next().close();
        }
        armed.set(null);
        return true;
    }

    /** A lease on the rule set deciding now. */
    public RuleSetLease acquire() {
        while (true) {
            Held held = current.get();
            if (held == null) {
                throw new RuleSetException("No rule set is loaded yet");
            }
            if (held.retain()) {
                return held.new Lease();
            }
            // Released between the read and the retain: a swap happened, the next read sees the new one.
        }
    }

    /**
     * Makes the rule set the one that decides; the one it replaces is released once its last lease ends.
     *
     * @return the version replaced, or null when none was loaded
     */
    public String swap(CompiledRuleSet next) {
        Held previous = current.getAndSet(new Held(next));
        if (previous == null) {
            return null;
        }
        previous.release();
        return previous.ruleSet.version();
    }

    /**
     * The rule set deciding now, for its version and files. To decide with it take a lease: without one it may be
     * released under the caller by a swap.
     */
    public CompiledRuleSet get() {
        Held held = current.get();
        if (held == null) {
            throw new RuleSetException("No rule set is loaded yet");
        }
        return held.ruleSet;
    }

    /** The version deciding now, or null before one is loaded. */
    public String version() {
        Held held = current.get();
        return held == null ? null : held.ruleSet.version();
    }

    /** True once a rule set is loaded. */
    public boolean isLoaded() {
        return current.get() != null;
    }

    /** Releases the rule set, and an armed schedule's, at shutdown. */
    public void clear() {
        disarm();
        Held previous = current.getAndSet(null);
        if (previous != null) {
            previous.release();
        }
    }

    /** A rule set with its count of users: one for being active, one per open lease. Zero means released. */
    private static final class Held {
        private final CompiledRuleSet ruleSet;
        private final AtomicInteger users = new AtomicInteger(1);

        Held(CompiledRuleSet ruleSet) {
            this.ruleSet = ruleSet;
        }

        boolean retain() {
            while (true) {
                int n = users.get();
                if (n == 0) {
                    return false;
                }
                if (users.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                ruleSet.close();
            }
        }

        final class Lease implements RuleSetLease {
            private final AtomicInteger open = new AtomicInteger(1);

            @Override
            public CompiledRuleSet ruleSet() {
                return ruleSet;
            }

            @Override
            public void close() {
                if (open.getAndSet(0) == 1) {
                    release();
                }
            }
        }
    }
}
