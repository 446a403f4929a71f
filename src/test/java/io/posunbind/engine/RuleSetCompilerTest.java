package io.posunbind.engine;

import static io.posunbind.engine.Compiling.HEADER;
import static io.posunbind.engine.Compiling.assertAt;
import static io.posunbind.engine.Compiling.problemsOf;
import static io.posunbind.engine.Compiling.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.posunbind.facts.Account;

/**
 * Each class of problem a compliance officer can make is reported with the file, line and column where it is
 * written and in plain words. Plain JUnit: the compiler needs no Quarkus.
 */
class RuleSetCompilerTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void shippedRulesAreValid() {
        try (CompiledRuleSet compiled = compiler.compile(RuleFiles.readDirectory(Path.of("rules")))) {
            assertThat(compiled.warnings()).isEmpty();
            assertThat(compiled.ruleCount()).isPositive();
        }
    }

    @Test
    void syntaxErrorIsReportedWhereTheParserStopped() {
        RuleProblem problem = single(problemsOf("""
                rule "Closing the account costs 50.00"
                when
                    UnbindCase( reason == )
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 7, 27);
        assertThat(problem.message()).startsWith("Syntax error: `)` is not expected here");
        assertThat(problem.detail()).contains("[ERR 101]");
    }

    @Test
    void unknownFieldOfAFactIsReportedOnTheField() {
        RuleProblem problem = single(problemsOf("""
                rule "Closing the account costs 50.00"
                when
                    Merchant( merchantId != null,
                              regulatoryHld )
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 8, 15);
        assertThat(problem.message()).contains("Merchant has no value `regulatoryHld`")
                .contains("Did you mean `regulatoryHold`?");
    }

    @Test
    void unknownFieldOfANestedFactIsReportedOnThatPart() {
        RuleProblem problem = single(problemsOf("""
                rule "Flat fee"
                when
                    Contract( earlyTermination.methd == EarlyTerminationMethod.FLAT )
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 7, 32);
        assertThat(problem.message()).contains("EarlyTermination has no value `methd`");
    }

    @Test
    void unknownFactTypeIsReportedWithTheNearestFactType() {
        RuleProblem problem = single(problemsOf("""
                rule "Merchants"
                when
                    Merchnt()
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 7, 5);
        assertThat(problem.message()).isEqualTo("`Merchnt` is not a fact type. Did you mean `Merchant`?");
    }

    @Test
    void numberComparedWithTextIsATypeMismatch() {
        RuleProblem problem = single(problemsOf("""
                rule "Negative balance"
                when
                    Account( balance == "abc" )
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 7, 14);
        assertThat(problem.message()).contains("`balance` is a number").contains("the text \"abc\"");
    }

    @Test
    void enumComparedWithAnotherEnumsConstantIsATypeMismatch() {
        RuleProblem problem = single(problemsOf("""
                rule "Active contracts"
                when
                    Contract( status == Severity.BLOCKER )
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 7, 15);
        assertThat(problem.message()).contains("ContractStatus").contains("Severity.BLOCKER");
    }

    @Test
    void wrongTypeAssignedInTheActionIsReportedOnItsStatement() {
        RuleProblem problem = single(problemsOf("""
                rule "Negative balance"
                when
                    Account( $balance : balance )
                then
                    BigDecimal owed = $balance.negate();
                    int cents = $balance;
                end
                """));
        assertAt(problem, "fees/fees.drl", 10, 5);
        assertThat(problem.message()).isEqualTo("A value of type BigDecimal is used where int is needed.");
        assertThat(problem.detail()).isEqualTo("Type mismatch: cannot convert from BigDecimal to int");
    }

    @Test
    void factMadeWithWrongValuesNamesHowItIsMade() {
        RuleProblem problem = single(problemsOf("""
                rule "Closing the account costs 50.00"
                when
                    UnbindCase()
                then
                    insert(new Fee("ACCOUNT_CLOSURE", 50, "Account closure fee."));
                end
                """));
        assertAt(problem, "fees/fees.drl", 9, 5);
        assertThat(problem.message()).contains("`new Fee(String, int, String)` does not match how a Fee is made")
                .contains("Fee(String code, BigDecimal amount, String description)");
    }

    @Test
    void unknownEnumConstantIsAnErrorWithTheNearestConstant() {
        RuleProblem problem = single(problemsOf("""
                rule "Switching provider"
                when
                    UnbindCase( reason == Reason.SWITCH_PROVIDERS )
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 7, 34);
        assertThat(problem.level()).isEqualTo(RuleProblem.Level.ERROR);
        assertThat(problem.message()).contains("Reason has no value SWITCH_PROVIDERS")
                .contains("Did you mean SWITCH_PROVIDER?");
    }

    @Test
    void compilerErrorWithoutALineIsTracedToItsCondition() {
        RuleProblem problem = single(problemsOf("""
                rule "Risky merchants"
                when
                    Merchant( riskFlags.size() > 0 )
                then
                end

                rule "Odd merchants"
                when
                    Merchant( riskFlags.nosuch() )
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 13, 25);
        assertThat(problem.message()).isEqualTo("`nosuch()` does not exist on Set<RiskFlag>.");
        assertThat(problem.detail()).contains("Method nosuch on java.util.Set");
    }

    @Test
    void unknownNameInAnActionIsTracedToTheRuleThatHasIt() {
        List<RuleProblem> problems = problemsOf("""
                rule "One step"
                when
                    UnbindCase()
                then
                    insert(new Step(10, "CONTACT_PROVIDER", "Contact the provider."));
                end

                rule "Another step"
                when
                    UnbindCase()
                then
                    insert(new Step(10, "CONTACT_PROVIDER", "Contact the provider."));
                    insert(new Step(20, code, "Apply."));
                end
                """);
        assertAt(single(problems), "fees/fees.drl", 17, 5);
        assertThat(problems.get(0).message()).startsWith("`code` is not known here.");
    }

    @Test
    void aValidRuleSetComesWithItsCompiledRules() {
        try (CompiledRuleSet compiled = compiler.compile(RuleFiles.of(Map.of("fees/fees.drl", HEADER + """
                rule "Closing the account costs 50.00"
                when
                    UnbindCase()
                then
                    insert(new Fee("ACCOUNT_CLOSURE", "50.00", "Account closure fee."));
                end
                """)))) {
            assertThat(compiled.warnings()).isEmpty();
            assertThat(compiled.ruleCount()).isEqualTo(1);
        }
    }
}
