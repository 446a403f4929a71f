package io.posunbind.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.engine.Language;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.facts.Verdict;

/**
 * The shipped DRL and an independent plain-Java reading of policy v1 must agree on thousands of generated cases.
 * A disagreement prints the case, so it can become a scenario.
 */
class RulesAgreeWithReferenceTest {
    private static final int CASES = 3000;

    @Test
    void shippedRulesDecideEveryGeneratedCaseAsThePolicyText() {
        DecisionRequestParser parser = new DecisionRequestParser();
        DecisionEngine engine = new DecisionEngine();
        ReferencePolicyV1 reference = new ReferencePolicyV1();
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        try (CompiledRuleSet rules = new RuleSetCompiler().compile(RuleFiles.readDirectory(Path.of("rules")))) {
            for (ObjectNode request : new CaseGenerator(20261126L).generate(CASES)) {
                CaseFacts facts = parser.parse(request, LocalDate.of(2026, 11, 26));
                DecisionAnswer answer = engine.decide(facts, rules, "x", Instant.EPOCH, Language.EN);
                assertThat(Outcomes.of(answer)).as("case %s", request).isEqualTo(reference.decide(facts));
                verdicts.merge(answer.verdict(), 1, Integer::sum);
            }
        }
        assertThat(verdicts.keySet()).as("every verdict occurs in the corpus").containsAll(List.of(Verdict.values()));
    }
}
