package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.posunbind.facts.Account;

/**
 * Each class of problem a compliance officer can make is reported with the file, line and column where it is
 * written and in plain words. Plain JUnit: the validator needs no Quarkus.
 */
class RuleSetCompilerTest {
    private static final String HEADER = """
            package fees;

            import io.posunbind.facts.*;
            import java.math.BigDecimal;
            """;

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    /** Every problem: the refusal's, or the compiled rule set's warnings. */
    private List<RuleProblem> problemsOf(Map<String, String> files) {
        try (CompiledRuleSet compiled = compiler.compile(RuleFiles.of(files))) {
            return compiled.warnings();
        } catch (RuleSetCompilationException e) {
            return e.problems();
        }
    }

    private List<RuleProblem> problemsOf(String rules) {
        return problemsOf(Map.of("fees/fees.drl", HEADER + rules));
    }

    private static RuleProblem single(List<RuleProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static void assertAt(RuleProblem problem, String file, int line, int column) {
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).as("line").isEqualTo(line);
        assertThat(problem.column()).as("column").isEqualTo(column);
    }

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
    void duplicateRuleNameInAPackageIsReportedOnTheSecondName() {
        RuleProblem problem = single(problemsOf("""
                rule "Closing the account costs 50.00"
                when
                    UnbindCase()
                then
                end

                rule "Closing the account costs 50.00"
                when
                    Merchant()
                then
                end
                """));
        assertAt(problem, "fees/fees.drl", 11, 6);
        assertThat(problem.message()).contains("Two rules are named \"Closing the account costs 50.00\"")
                .contains("fees/fees.drl:5");
    }

    @Test
    void duplicateRuleNameAcrossPackagesIsAnErrorDroolsWouldMiss() {
        String rule = """
                rule "A regulatory hold blocks the unbind"
                when
                    Merchant( regulatoryHold )
                then
                end
                """;
        RuleProblem problem = single(problemsOf(Map.of(
                "eligibility/eligibility.drl", "package eligibility;\nimport io.posunbind.facts.*;\n" + rule,
                "verdict/holds.drl", "package verdict;\nimport io.posunbind.facts.*;\n" + rule)));
        assertAt(problem, "verdict/holds.drl", 3, 6);
        assertThat(problem.message()).contains("already exists at eligibility/eligibility.drl:3")
                .contains("unique in the whole rule set");
    }

    @Test
    void missingPackageIsReportedOnTheFirstLineWithTheFolderName() {
        RuleProblem problem = single(problemsOf(Map.of("fees/fees.drl", """
                import io.posunbind.facts.*;

                rule "Closing the account costs 50.00"
                when
                    UnbindCase()
                then
                end
                """)));
        assertAt(problem, "fees/fees.drl", 1, 1);
        assertThat(problem.message()).contains("no package line").contains("`package fees;`");
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
