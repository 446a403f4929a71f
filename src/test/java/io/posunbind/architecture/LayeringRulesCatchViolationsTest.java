package io.posunbind.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Every layering rule fails when its layering is broken: each is evaluated on the fixture packages below
 * {@code io.posunbind.architecture.fixture}, where a class breaks each rule on purpose, and must report it. A rule
 * that could never fail would pass here too, so this is what keeps {@link ArchitectureTest} honest.
 */
class LayeringRulesCatchViolationsTest {
    private static final String ROOT = "io.posunbind.architecture.fixture";
    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages(ROOT);

    @TestFactory
    Stream<DynamicTest> everyRuleReportsThePlantedViolation() {
        return Layering.rules(ROOT).entrySet().stream().map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> {
            EvaluationResult result = rule.getValue().evaluate(PLANTED);
            assertThat(result.hasViolation()).as("the rule \"%s\" reports a violation", rule.getKey()).isTrue();
            assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(ROOT);
        }));
    }

    @Test
    void theServiceRulesCoverEveryFixturePackage() {
        assertThat(Layering.rules(ROOT)).hasSize(Layering.rules("io.posunbind").size());
    }
}
