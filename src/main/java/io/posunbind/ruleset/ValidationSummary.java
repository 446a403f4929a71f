package io.posunbind.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.json.JsonMapper;


/**
 * What validation found when a version was stored, kept with the version (the full report would repeat every
 * scenario; the counts and the warnings are what a reader of the version list needs).
 *
 * @param valid           true: it compiled, is safe and passed every scenario (only valid versions are stored)
 * @param scenariosPassed scenarios that passed
 * @param scenariosFailed scenarios that failed
 * @param warnings        the warnings, each as {@code file:line:column: message}
 */
public record ValidationSummary(boolean valid, int scenariosPassed, int scenariosFailed, List<String> warnings) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ValidationSummary of(ValidationReport report) {
        return new ValidationSummary(report.valid(), report.scenarios().passed(), report.scenarios().failed(),
                report.warnings().stream().map(w -> w.location() + ": " + w.message()).toList());
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidationSummary fromJson(String json) {
        try {
            return JSON.readValue(json, ValidationSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
