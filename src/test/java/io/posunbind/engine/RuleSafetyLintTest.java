package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.posunbind.facts.Fee;

/** Each construct that reaches the system is refused with its line, column and name; plain rules pass. */
class RuleSafetyLintTest {
    private static final String HEADER = """
            package fees;

            import io.posunbind.facts.*;
            import java.math.BigDecimal;
            import java.util.List;
            """;
    /** The action is line 10 of the file. */
    private static final String RULE = """
            rule "A rule"
            when
                UnbindCase()
            then
            %s
            end
            """;

    private final RuleSafetyLint lint = new RuleSafetyLint();

    private List<RuleProblem> checkAction(String action) {
        return lint.check("fees/fees.drl", HEADER + RULE.formatted("    " + action));
    }

    private static void assertRefused(List<RuleProblem> problems, int line, int column, String construct) {
        assertThat(problems).as("problems").isNotEmpty();
        RuleProblem first = problems.get(0);
        assertThat(first.level()).isEqualTo(RuleProblem.Level.ERROR);
        assertThat(first.file()).isEqualTo("fees/fees.drl");
        assertThat(first.line()).isEqualTo(line);
        assertThat(first.column()).isEqualTo(column);
        assertThat(first.message()).contains(construct).contains("not allowed");
    }

    @Test
    void refusesSystemExit() {
        assertRefused(checkAction("System.exit(1);"), 10, 5, "`System`");
    }

    @Test
    void refusesRuntimeExec() {
        assertRefused(checkAction("Runtime.getRuntime().exec(\"rm -rf /\");"), 10, 5, "`Runtime`");
    }

    @Test
    void refusesNewProcessBuilder() {
        assertRefused(checkAction("new ProcessBuilder(\"sh\").start();"), 10, 9, "`ProcessBuilder`");
    }

    @Test
    void refusesClassForName() {
        List<RuleProblem> problems = checkAction("Object c = Class.forName(\"java.lang.Runtime\");");
        assertRefused(problems, 10, 16, "`Class`");
        assertThat(problems).extracting(RuleProblem::message).anyMatch(m -> m.contains("`Class.forName()`"));
    }

    @Test
    void refusesGetClassAndClassLoader() {
        List<RuleProblem> problems = checkAction("Object l = \"x\".getClass().getClassLoader();");
        assertRefused(problems, 10, 20, "getClass()");
        assertThat(problems.get(1).message()).contains("`.getClassLoader()`").contains("class loading");
    }

    @Test
    void refusesNewThread() {
        assertRefused(checkAction("new Thread(() -> {}).start();"), 10, 9, "`Thread`");
    }

    @Test
    void refusesJavaIoFile() {
        assertRefused(checkAction("new java.io.File(\"/etc/passwd\").delete();"), 10, 9,
                "The fully qualified name `java.io.File`");
    }

    @Test
    void refusesJavaNioFiles() {
        assertRefused(checkAction("java.nio.file.Files.readString(null);"), 10, 5,
                "The fully qualified name `java.nio.file.Files`");
    }

    @Test
    void refusesJavaNetUrl() {
        assertRefused(checkAction("new java.net.URL(\"http://example.org\").openStream();"), 10, 9,
                "`java.net.URL`");
    }

    @Test
    void refusesJndiInitialContext() {
        assertRefused(checkAction("new javax.naming.InitialContext().lookup(\"ldap://x\");"), 10, 9,
                "`javax.naming.InitialContext`");
    }

    @Test
    void refusesFullyQualifiedRuntimeInAnAction() {
        assertRefused(checkAction("java.lang.Runtime.getRuntime().exec(\"ls\");"), 10, 5,
                "The fully qualified name `java.lang.Runtime`");
    }

    @Test
    void refusesImportOfADisallowedType() {
        assertRefused(lint.check("fees/fees.drl", "package fees;\n\nimport java.io.File;\n"), 3, 8,
                "The import of `java.io.File`");
    }

    @Test
    void refusesWildcardImportOfADisallowedPackage() {
        assertRefused(lint.check("fees/fees.drl", "package fees;\nimport java.lang.reflect.*;\n"), 2, 8,
                "The import of `java.lang.reflect.*`");
    }

    @Test
    void refusesDisallowedStaticImport() {
        assertRefused(lint.check("fees/fees.drl", "package fees;\nimport static java.lang.System.exit;\n"), 2, 15,
                "The static import of `java.lang.System.exit`");
    }

    @Test
    void refusesGlobalOfADisallowedType() {
        assertRefused(lint.check("fees/fees.drl", "package fees;\n\nglobal java.lang.Runtime runtime;\n"), 3, 8,
                "A global of type `java.lang.Runtime`");
    }

    @Test
    void refusesTheEngineBehindDroolsAndKcontext() {
        assertRefused(checkAction("drools.getKieRuntime().halt();"), 10, 12, "`drools.getKieRuntime()`");
        assertRefused(checkAction("kcontext.getKieRuntime();"), 10, 14, "`kcontext.getKieRuntime()`");
    }

    @Test
    void refusesACallHiddenInACondition() {
        String drl = HEADER + """
                rule "Reads a property"
                when
                    Merchant( merchantId == System.getProperty("id") )
                then
                end
                """;
        assertRefused(lint.check("fees/fees.drl", drl), 8, 29, "`System`");
    }

    @Test
    void refusesCustomAccumulateCode() {
        String drl = HEADER + """
                rule "Counts by hand"
                when
                    $n : Number() from accumulate( Fee(), init( int n = 0; ), action( n++; ), result( n ) )
                then
                end
                """;
        assertRefused(lint.check("fees/fees.drl", drl), 8, 43, "Custom accumulate code (init(...))");
    }

    @Test
    void refusesFunctionBodiesThatReachTheSystem() {
        String drl = HEADER + """
                function void leave() {
                    System.exit(0);
                }
                """;
        assertRefused(lint.check("fees/fees.drl", drl), 7, 5, "`System`");
    }

    @Test
    void refusesCodeHiddenBehindABackslashInAComment() {
        assertRefused(checkAction("/* \\*/ Runtime.getRuntime().halt(0); /* */"), 10, 12, "`Runtime`");
    }

    @Test
    void refusesUnicodeEscapes() {
        assertRefused(checkAction("// \\u000a System.exit(0);"), 10, 8, "unicode escape");
    }

    @Test
    void refusesReflectionThreadsAndTheClock() {
        assertThat(checkAction("Object c = Fee.class;").get(0).message()).contains("`Fee.class`");
        assertThat(checkAction("List.of(1).parallelStream();").get(0).message()).contains("threads");
        assertThat(checkAction("java.time.LocalDate d = java.time.LocalDate.now();").get(0).message())
                .contains("`LocalDate.now()`").contains("asOf");
    }

    @Test
    void refusesTheMvelDialect() {
        assertRefused(lint.check("fees/fees.drl", "package fees;\ndialect \"mvel\"\n"), 2, 9, "The mvel dialect");
    }

    @Test
    void acceptsFactsAmountsDatesCollectionsAndStreams() {
        assertThat(checkAction("""
                BigDecimal fee = new BigDecimal("50.00").setScale(2, java.math.RoundingMode.HALF_UP);
                    List<String> names = List.of("a").stream().map(String::toUpperCase)
                            .collect(java.util.stream.Collectors.toList());
                    insert(new Fee("ACCOUNT_CLOSURE", fee, "Fee " + names + " // not a comment"));
                    // System.exit(0) in a comment is no code
                    String text = "System.exit(0) in text is no code";""")).isEmpty();
    }

    @Test
    void shippedRulesPassTheLint() {
        assertThat(lint.check(RuleFiles.readDirectory(Path.of("rules")))).isEmpty();
    }

    @Test
    void compilationRefusesARuleSetThatFailsTheLint() {
        RuleFiles unsafe = RuleFiles.of(Map.of("fees/fees.drl", HEADER + RULE.formatted("    System.exit(1);")));
        assertThatThrownBy(() -> new RuleSetCompiler().compile(unsafe))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("fees/fees.drl:10:5")
                .hasMessageContaining("`System` is not allowed");
    }
}
