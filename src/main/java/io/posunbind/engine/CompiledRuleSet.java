package io.posunbind.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable rule set. {@link #run(Collection)} evaluates facts in a fresh session that is disposed
 * afterwards; the compiled base is shared by all runs and safe to use from many threads.
 */
public final class CompiledRuleSet implements AutoCloseable {
    private final RuleFiles files;
    private final KieBase base;
    private final List<RuleProblem> warnings;
    private final int ruleCount;
    private final boolean kept;
    private final Texts texts;
    /** Each rule's metadata, cleaned once per rule set rather than once per inserted fact. */
    private final Map<String, Map<String, String>> metadata = new java.util.HashMap<>();
    private volatile boolean closed;

    CompiledRuleSet(RuleFiles files, KieBase base, List<RuleProblem> warnings, boolean kept) {
        this.files = files;
        this.base = base;
        this.kept = kept;
        this.warnings = List.copyOf(warnings);
        base.getKiePackages().forEach(p -> p.getRules().forEach(r -> metadata.put(key(r), metadataOf(r))));
        this.ruleCount = metadata.size();
        this.texts = Texts.of(files);
    }

    public String version() {
        return files.version();
    }

    public RuleFiles files() {
        return files;
    }

    /** The rule set's texts by language; empty for a rule set that writes its sentences in its rules. */
    public Texts texts() {
        return texts;
    }

    /** True when its executable model was loaded from a {@link CompiledModelStore}, false when it was compiled. */
    public boolean loadedFromStore() {
        return kept;
    }

    /** Warnings the compiler reported; the rule set is usable. */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /** Every rule's name with its package (the folder it is written in), sorted by package then name. */
    public SortedMap<String, String> rulePackages() {
        TreeMap<String, String> names = new TreeMap<>();
        base.getKiePackages().forEach(p -> p.getRules().forEach(r -> names.put(r.getName(), r.getPackageName())));
        return names;
    }

    /** Number of rules in the rule set. */
    public int ruleCount() {
        return ruleCount;
    }

    /**
     * Inserts the facts, fires every rule and returns what the rules inserted, each with the rule that inserted
     * it, and the names of the rules that fired in the order they first fired.
     */
    public RuleRun run(Collection<?> facts) {
        if (closed) {
            throw new IllegalStateException("Rule set " + version() + " was released and cannot decide any more");
        }
        KieSession session = base.newKieSession();
        try {
            Map<Object, Rule> insertedBy = new IdentityHashMap<>();
            List<Object> produced = new ArrayList<>();
            Set<String> fired = new LinkedHashSet<>();
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        insertedBy.put(event.getObject(), event.getRule());
                        produced.add(event.getObject());
                    }
                }
            });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules();
            List<RuleRun.Produced> results = new ArrayList<>(produced.size());
            for (Object fact : produced) {
                Rule rule = insertedBy.get(fact);
                Map<String, String> ruleMetadata = metadata.get(key(rule));
                results.add(new RuleRun.Produced(fact, rule.getName(),
                        ruleMetadata != null ? ruleMetadata : metadataOf(rule)));
            }
            return new RuleRun(results, List.copyOf(fired));
        } finally {
            session.dispose();
        }
    }

    /**
     * Releases the compiled rules: it cannot decide afterwards. Nothing static keeps the rule base (its module left
     * the KIE repository when it was built, and its classes live in a class loader of its own), so it goes with the
     * last reference to this rule set. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
        }
    }

    /** True once {@link #close()} released it. */
    public boolean isClosed() {
        return closed;
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }

    private static Map<String, String> metadataOf(Rule rule) {
        Map<String, Object> raw = rule.getMetaData();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> clean = new TreeMap<>();
        raw.forEach((key, value) -> clean.put(key, unquote(String.valueOf(value))));
        return clean;
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
