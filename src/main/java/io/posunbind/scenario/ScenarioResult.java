package io.posunbind.scenario;

import java.util.List;

/**
 * The outcome of one scenario.
 *
 * @param file       the scenario file
 * @param name       the scenario's name
 * @param passed     true when the answer matched every expected field
 * @param mismatches what differed, each as "path: expected X, got Y"
 */
public record ScenarioResult(String file, String name, boolean passed, List<String> mismatches) {

    /** "file › name", as {@link Scenario#displayName()}. */
    public String displayName() {
        return Scenario.displayName(file, name);
    }
}
