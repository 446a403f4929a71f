package io.posunbind.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import io.posunbind.storage.Table;

/**
 * The layering of the service as ArchUnit rules, for any root package: the service's own ({@link ArchitectureTest})
 * and a fixture of planted violations that proves each rule can fail ({@link LayeringRulesCatchViolationsTest}).
 * docs/architecture.md draws the same picture.
 */
final class Layering {
    /** Every feature package, bottom first; each may depend on the ones before it that {@link #BELOW} lists. */
    static final Map<String, List<String>> BELOW = new LinkedHashMap<>();

    static {
        BELOW.put("facts", List.of());
        BELOW.put("errors", List.of());
        BELOW.put("config", List.of());
        BELOW.put("storage", List.of("config", "errors"));
        BELOW.put("engine", List.of("facts", "errors"));
        BELOW.put("scenario", List.of("engine", "facts", "errors"));
        BELOW.put("security", List.of("config", "errors"));
        BELOW.put("ruleset", List.of("scenario", "engine", "facts", "errors", "storage", "security", "config"));
        BELOW.put("audit", List.of("ruleset", "scenario", "engine", "facts", "errors", "storage", "security",
                "config"));
        BELOW.put("decision", List.of("audit", "ruleset", "engine", "facts", "errors", "storage", "security",
                "config"));
        BELOW.put("web", List.of("decision", "audit", "ruleset", "scenario", "engine", "facts", "errors",
                "storage", "security", "config"));
    }

    /** Connections, statements, result sets, data sources and pools; a failure (SQLException) may travel. */
    private static final DescribedPredicate<JavaClass> JDBC = resideInAnyPackage("java.sql..", "javax.sql..",
            "io.agroal..").and(not(assignableTo(SQLException.class))).as("JDBC");

    private Layering() {
    }

    /** Named rules over the packages below {@code root}. */
    static Map<String, ArchRule> rules(String root) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("no cycles", slices().matching(root + ".(*)..").should().beFreeOfCycles());
        BELOW.forEach((layer, allowed) -> {
            List<String> forbidden = new ArrayList<>();
            BELOW.keySet().stream().filter(other -> !other.equals(layer) && !allowed.contains(other))
                    .forEach(other -> forbidden.add(root + "." + other + ".."));
            if (!forbidden.isEmpty()) {
                rules.put(layer + " depends only on " + allowed, noClasses().that()
                        .resideInAPackage(root + "." + layer + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because(layer + " sits below " + forbidden + "; arrows point down (docs/architecture.md)"));
            }
        });
        for (String plain : List.of("facts", "engine", "scenario")) {
            rules.put(plain + " is plain Java", noClasses().that().resideInAPackage(root + "." + plain + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.vertx..")
                    .because("the command line, the scenario tests and the benchmarks use it without a server"));
        }
        rules.put("KIE only in the engine", noClasses().that().resideOutsideOfPackage(root + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .because("the engine is the only place that touches the KIE API"));
        rules.put("JDBC only in the classes that own tables", noClasses().that()
                .resideOutsideOfPackage(root + ".storage..").and().areNotAnnotatedWith(Table.class)
                .should().dependOnClassesThat(JDBC)
                .because("each table has one class that reads and writes it (@Table); the others see at most "
                        + "SQLException"));
        rules.put("resources hold no SQL, no table and no session", noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.kie..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Table.class)
                .because("a resource is HTTP in, one service call, HTTP out"));
        return rules;
    }
}
