package io.posunbind.decision;

import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.audit.DecisionRecord;
import io.posunbind.audit.RecordedDecisions;
import io.posunbind.engine.Language;
import io.posunbind.engine.RequestJson;
import io.posunbind.errors.NotFoundException;
import io.posunbind.ruleset.RuleSetCache;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.security.CurrentUser;
import io.posunbind.security.Roles;

/**
 * What would change a recorded decision's verdict ({@link RemedyFinder}), decided with the version that made the
 * decision. A calling system sees the remedies of the decisions it asked for; an auditor those of any decision.
 * Records nothing.
 */
@ApplicationScoped
public class RemedyService {
    private final RemedyFinder finder = new RemedyFinder();
    private final RecordedDecisions decisions;
    private final RuleSetStore ruleSets;
    private final RuleSetCache cache;

    public RemedyService(RecordedDecisions decisions, RuleSetStore ruleSets, RuleSetCache cache) {
        this.decisions = decisions;
        this.ruleSets = ruleSets;
        this.cache = cache;
    }

    /** 404 when no decision is recorded under the id, or (for a calling system) when another one asked for it. */
    public RemedyReport remedies(String decisionId, CurrentUser user, Language language) {
        DecisionRecord record = decisions.record(decisionId);
        if (!user.hasRole(Roles.AUDITOR) && !record.requestedBy().equals(user.name())) {
            throw new NotFoundException("No decision " + decisionId + " that you asked for is recorded");
        }
        String version = record.rulesetVersion();
        try (RuleSetCache.Lease lease = cache.lease(version, () -> ruleSets.files(version))) {
            return finder.find(record.decisionId(), RequestJson.read(record.requestBody()), record.asOf(),
                    lease.ruleSet(), language);
        }
    }
}
