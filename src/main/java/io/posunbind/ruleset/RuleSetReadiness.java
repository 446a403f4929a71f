package io.posunbind.ruleset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.posunbind.engine.CompiledRuleSet;

/** Ready once a rule set is loaded; reports which version decides. */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {
    private final ActiveRuleSet active;

    public RuleSetReadiness(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rule-set");
        if (!active.isLoaded()) {
            return response.down().build();
        }
        CompiledRuleSet ruleSet = active.get();
        return response.up().withData("version", ruleSet.version()).withData("rules", ruleSet.ruleCount()).build();
    }
}
