package io.posunbind.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;

/** Every scenario shipped in rules/ is a test of its own, named by file and scenario. */
class RuleScenariosTest {
    private static CompiledRuleSet ruleSet;

    @BeforeAll
    static void compileShippedRules() {
        ruleSet = new RuleSetCompiler().compile(RuleFiles.readDirectory(Path.of("rules")));
    }

    @AfterAll
    static void release() {
        ruleSet.close();
    }

    @TestFactory
    Stream<DynamicTest> shippedScenarios() {
        ScenarioRunner runner = new ScenarioRunner();
        return ScenarioFiles.parse(ruleSet.files().scenarioFiles()).stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.displayName(), () -> {
                    ScenarioResult result = runner.run(ruleSet, scenario);
                    assertThat(result.mismatches()).as(scenario.displayName()).isEmpty();
                }));
    }
}
