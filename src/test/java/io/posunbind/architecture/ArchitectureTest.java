package io.posunbind.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house shape: KIE stays in ruleset, JDBC in audit, SQL and sessions never in a resource. */
@AnalyzeClasses(packages = "io.posunbind", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule kieTypesStayInRuleset = noClasses()
            .that().resideOutsideOfPackage("io.posunbind.ruleset..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
            .because("the ruleset package is the only place that touches the KIE API");

    @ArchTest
    static final ArchRule jdbcStaysInAudit = noClasses()
            .that().resideOutsideOfPackage("io.posunbind.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..")
            .because("persistence is plain JDBC in the audit package");

    @ArchTest
    static final ArchRule factsDependOnNothingOfTheService = noClasses()
            .that().resideInAPackage("io.posunbind.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.posunbind.decision..", "io.posunbind.ruleset..",
                    "io.posunbind.audit..", "io.posunbind.web..", "jakarta..", "io.quarkus..")
            .because("the fact vocabulary is what rule files read; it must stay plain");
}
