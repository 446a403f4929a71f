package io.posunbind.ruleset;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.config.UnbindConfig;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.engine.RuleSetException;

/**
 * Compiled rule sets by version, for deciding again with a version that is not the active one (replay). Bounded:
 * past its capacity the least recently used version is released. A version in use is leased, and an evicted
 * version is closed only when its last lease ends. The active rule set is never held here: asking for its version
 * answers a lease on the active one itself, which the cache never closes.
 */
@ApplicationScoped
public class RuleSetCache {
    private final Supplier<RuleSetLease> active;
    private final int capacity;
    private final RuleSetCompiler compiler;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    @Inject
    public RuleSetCache(ActiveRuleSet active, UnbindConfig config, RuleSetCompiler compiler) {
        this(active::acquire, config.rules().cacheSize(), compiler);
    }

    /** @param active leases the active rule set */
    public RuleSetCache(Supplier<RuleSetLease> active, int capacity) {
        this(active, capacity, new RuleSetCompiler());
    }

    private RuleSetCache(Supplier<RuleSetLease> active, int capacity, RuleSetCompiler compiler) {
        this.compiler = compiler;
        if (capacity < 1) {
            throw new IllegalArgumentException("unbind.rules.cache-size must be at least 1, not " + capacity);
        }
        this.active = active;
        this.capacity = capacity;
    }

    /**
     * The compiled rule set of the version, compiled from {@code files} on first use. Close the lease when done.
     *
     * @param files gives the version's files when it must be compiled; their version must be the one asked for
     */
    public Lease lease(String version, Supplier<RuleFiles> files) {
        RuleSetLease current = active.get();
        if (current.ruleSet().version().equals(version)) {
            return new Lease(current.ruleSet(), null, current);
        }
        current.close();
        Entry entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(version, Entry::new);
            entry.leases++;
            evictBeyondCapacity();
        }
        try {
            return new Lease(entry.compiled(files), entry, null);
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(version, entry);
            }
            release(entry);
            throw e;
        }
    }

    /** Versions compiled and held now (the active one aside). */
    public synchronized int size() {
        return entries.size();
    }

    private void evictBeyondCapacity() {
        Iterator<Entry> eldest = entries.values().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
            Entry evicted = eldest.next();
            eldest.remove();
            evicted.evicted = true;
            if (evicted.leases == 0) {
                evicted.close();
            }
        }
    }

    private synchronized void release(Entry entry) {
        entry.leases--;
        if (entry.evicted && entry.leases == 0) {
            entry.close();
        }
    }

    /** The use of one compiled rule set; closing it lets the cache release the rule set once evicted. */
    public final class Lease implements RuleSetLease {
        private final CompiledRuleSet ruleSet;
        private Entry entry;
        private RuleSetLease activeLease;

        private Lease(CompiledRuleSet ruleSet, Entry entry, RuleSetLease activeLease) {
            this.ruleSet = ruleSet;
            this.entry = entry;
            this.activeLease = activeLease;
        }

        public CompiledRuleSet ruleSet() {
            return ruleSet;
        }

        @Override
        public void close() {
            if (entry != null) {
                release(entry);
                entry = null;
            }
            if (activeLease != null) {
                activeLease.close();
                activeLease = null;
            }
        }
    }

    private final class Entry {
        private final String version;
        private CompiledRuleSet compiled;
        private int leases;
        private boolean evicted;

        Entry(String version) {
            this.version = version;
        }

        /** Compiles once; two replays of the same version wait for one compilation instead of doing two. */
        synchronized CompiledRuleSet compiled(Supplier<RuleFiles> files) {
            if (compiled == null) {
                RuleFiles ruleFiles = files.get();
                if (!ruleFiles.version().equals(version)) {
                    throw new RuleSetException("The files given for rule-set version " + version
                            + " are version " + ruleFiles.version());
                }
                compiled = compiler.compile(ruleFiles);
            }
            return compiled;
        }

        synchronized void close() {
            if (compiled != null) {
                compiled.close();
                compiled = null;
            }
        }
    }
}
