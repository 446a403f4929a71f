package io.posunbind.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.posunbind.errors.NotFoundException;
import io.posunbind.ruleset.ActiveRuleSet;
import io.posunbind.ruleset.RuleSetCache;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.storage.Sql;

/**
 * Decides a recorded request again, with its recorded asOf, against the version that decided it, a named version
 * or the active one, and compares the answers ({@link Redecision}). A replay records nothing: the decision log
 * holds decisions, not re-runs.
 */
@ApplicationScoped
public class ReplayService {
    /** The {@code ruleset} value that means the active version. */
    public static final String ACTIVE = "active";

    private final DecisionRecords records;
    private final RuleSetStore ruleSets;
    private final RuleSetCache cache;
    private final Supplier<String> activeVersion;
    private final Clock clock;

    @Inject
    ReplayService(DecisionRecords records, RuleSetStore ruleSets, RuleSetCache cache, ActiveRuleSet active,
                  Clock clock) {
        this(records, ruleSets, cache, active::version, clock);
    }

    ReplayService(DecisionRecords records, RuleSetStore ruleSets, RuleSetCache cache,
                  Supplier<String> activeVersion, Clock clock) {
        this.records = records;
        this.ruleSets = ruleSets;
        this.cache = cache;
        this.activeVersion = activeVersion;
        this.clock = clock;
    }

    /**
     * @param ruleset null or blank for the recorded version, {@value #ACTIVE} for the active one, or a version
     */
    public Replay replay(String decisionId, String ruleset) {
        DecisionRecord record = Sql.call(() -> records.find(decisionId))
                .orElseThrow(() -> new NotFoundException("No decision " + decisionId + " is recorded"));
        String version = ruleset == null || ruleset.isBlank() ? record.rulesetVersion()
                : ACTIVE.equals(ruleset) ? activeVersion.get() : ruleset;
        try (RuleSetCache.Lease lease = cache.lease(version, () -> ruleSets.files(version))) {
            Redecision.Recorded recorded = Redecision.Recorded.of(record);
            Redecision replayed = recorded.under(lease.ruleSet(), clock.instant());
            List<Difference> differences = replayed.differencesFrom(recorded.answer());
            return new Replay(record.decisionId(), version, record.rulesetVersion(),
                    differences.isEmpty(), differences,
                    new String(record.answerBody(), StandardCharsets.UTF_8),
                    new String(replayed.json(), StandardCharsets.UTF_8));
        }
    }
}
