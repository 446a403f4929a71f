package io.posunbind.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.config.UnbindConfig;
import io.posunbind.engine.RuleCatalog;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.storage.StoreUnavailableException;

/**
 * How often each rule of a version fired in the decisions it made in a period, read from the recorded answers'
 * firedRules, and the rules that never fired: officers prune dead rules with it, auditors see what the policy did.
 */
@ApplicationScoped
public class RuleUsage {
    private static final int FETCH_SIZE = 500;
    private final DecisionRecords records;
    private final RuleSetStore store;
    private final ZoneId zone;

    @Inject
    RuleUsage(DecisionRecords records, RuleSetStore store, UnbindConfig config) {
        this(records, store, config.decisions().zone());
    }

    RuleUsage(DecisionRecords records, RuleSetStore store, ZoneId zone) {
        this.records = records;
        this.store = store;
        this.zone = zone;
    }

    /**
     * The usage report.
     *
     * @param version    the version
     * @param from       recorded at or after, or null
     * @param to         recorded before, or null
     * @param decisions  decisions the version made in the period
     * @param rules      every rule of the version, most fired first, with how many of those decisions it fired in
     * @param neverFired the rules that fired in none of them, by name
     */
    public record Report(String version, Instant from, Instant to, long decisions, List<RuleCount> rules,
                         List<String> neverFired) {
    }

    /** A rule, where it is written, and in how many decisions it fired. */
    public record RuleCount(String name, String file, long fired) {
    }

    public Report of(String version, String fromParam, String toParam) {
        Instant[] range = QueryParameters.range(fromParam, toParam, zone);
        RuleCatalog catalog = RuleCatalog.of(store.files(version));
        Map<String, long[]> fired = new HashMap<>();
        catalog.rules().keySet().forEach(name -> fired.put(name, new long[1]));
        long[] decisions = {0};
        try {
            records.forEachRecordedBy(version, range[0], range[1], FETCH_SIZE, record -> {
                decisions[0]++;
                JsonNode answer = AnswerDiff.tree(record.answerBody());
                answer.path("firedRules").forEach(rule -> {
                    long[] n = fired.get(rule.asText());
                    if (n != null) {
                        n[0]++;
                    }
                });
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException(e);
        }
        List<RuleCount> rules = new ArrayList<>();
        catalog.rules().values().forEach(r -> rules.add(new RuleCount(r.name(), r.file(), fired.get(r.name())[0])));
        rules.sort((a, b) -> a.fired() != b.fired() ? Long.compare(b.fired(), a.fired()) : a.name().compareTo(b.name()));
        List<String> never = rules.stream().filter(r -> r.fired() == 0).map(RuleCount::name).sorted().toList();
        return new Report(version, range[0], range[1], decisions[0], rules, never);
    }
}
