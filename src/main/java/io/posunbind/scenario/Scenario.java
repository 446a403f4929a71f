package io.posunbind.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.Language;

/**
 * One scenario: a request and the parts of the answer it expects.
 *
 * @param file     the scenario file's path in the rule set
 * @param name     the scenario's name, unique in its file
 * @param request  the full request body (the file's base with the scenario's changes merged in)
 * @param expected the expected parts of the answer; only the fields present are checked
 * @param language the language the scenario is decided in: its own {@code language}, its file's, else English
 */
public record Scenario(String file, String name, JsonNode request, JsonNode expected, Language language) {

    /** "file › name", how a failing scenario is named in test reports and validation answers. */
    public String displayName() {
        return displayName(file, name);
    }

    /** "file › name": the one way a scenario is named. */
    public static String displayName(String file, String name) {
        return file + " › " + name;
    }
}
