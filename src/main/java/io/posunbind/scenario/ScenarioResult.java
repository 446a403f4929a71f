package io.posunbind.scenario;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one scenario.
 *
 * @param file       the scenario file
 * @param name       the scenario's name
 * @param passed     true when the answer matched every expected field
 * @param mismatches what differed, each as "path: expected X, got Y"
 * @param answer     the answer the scenario got, as JSON, or null when it could not be decided; what
 *                   {@link ScenarioAcceptance} accepts
 */
public record ScenarioResult(String file, String name, boolean passed, List<String> mismatches,
                             @JsonIgnore JsonNode answer) {

    public ScenarioResult(String file, String name, boolean passed, List<String> mismatches) {
        this(file, name, passed, mismatches, null);
    }

    /** "file › name", as {@link Scenario#displayName()}. */
    public String displayName() {
        return Scenario.displayName(file, name);
    }
}
