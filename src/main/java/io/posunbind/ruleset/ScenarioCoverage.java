package io.posunbind.ruleset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleProblem;
import io.posunbind.scenario.ScenarioResult;

/**
 * Which rules no scenario fires. Such a rule can be changed, or broken, without any scenario noticing, so an
 * officer reviewing a change would not see what it does: a warning with the count and the rules, to add scenarios
 * for.
 */
final class ScenarioCoverage {

    private ScenarioCoverage() {
    }

    static List<RuleProblem> unfired(CompiledRuleSet ruleSet, List<ScenarioResult> results) {
        Set<String> fired = new HashSet<>();
        for (ScenarioResult result : results) {
            if (result.answer() != null) {
                result.answer().path("firedRules").forEach((JsonNode name) -> fired.add(name.asText()));
            }
        }
        List<String> unfired = new ArrayList<>();
        ruleSet.rulePackages().forEach((name, pkg) -> {
            if (!fired.contains(name)) {
                unfired.add("\"" + name + "\" (" + pkg + ")");
            }
        });
        if (unfired.isEmpty() || results.isEmpty()) {
            return List.of();
        }
        return List.of(new RuleProblem(RuleProblem.Level.WARNING, RuleProblem.WHOLE_RULE_SET, 0, 0,
                unfired.size() + " of " + ruleSet.ruleCount() + " rules are fired by no scenario, so a change to "
                        + "them shows in no scenario: " + String.join(", ", unfired) + ". Add a scenario that "
                        + "fires each."));
    }
}
