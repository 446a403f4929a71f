package io.posunbind.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.AnswerJson;
import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.errors.InvalidRequestException;

/** Runs scenarios against a compiled rule set and says, for each, what differed from what it expected. */
public final class ScenarioRunner {
    /** Scenarios without asOf are judged on this date, so they give the same result every day. */
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 26);
    private static final Instant FIXED_TIME = Instant.EPOCH;

    private final DecisionRequestParser parser = new DecisionRequestParser();
    private final DecisionEngine engine = new DecisionEngine();

    public ScenarioResult run(CompiledRuleSet ruleSet, Scenario scenario) {
        List<String> mismatches;
        JsonNode answer = null;
        try {
            CaseFacts facts = parser.parse(scenario.request(), DEFAULT_AS_OF);
            answer = AnswerJson.tree(engine.decide(facts, ruleSet, "scenario", FIXED_TIME, scenario.language()));
            mismatches = Expectations.compare(scenario.expected(), answer);
        } catch (InvalidRequestException e) {
            mismatches = e.errors().stream().map(f -> "request " + f.path() + ": " + f.message()).toList();
        } catch (RuntimeException e) {
            mismatches = List.of("the scenario could not be decided: " + e.getMessage());
        }
        return new ScenarioResult(scenario.file(), scenario.name(), mismatches.isEmpty(), mismatches, answer);
    }
}
