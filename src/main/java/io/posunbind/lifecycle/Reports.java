package io.posunbind.lifecycle;

import java.util.ArrayList;
import java.util.List;

import io.posunbind.rulecheck.ValidationReport;
import io.posunbind.scenario.ScenarioResult;

/** A validation report as lines a person reads in a log or a problem's errors. */
final class Reports {

    private Reports() {
    }

    /** Each error and each failed scenario: where, then what. */
    static List<String[]> problems(ValidationReport report) {
        List<String[]> lines = new ArrayList<>();
        report.errors().forEach(e -> lines.add(new String[] {e.location(), e.message()}));
        for (ScenarioResult result : report.scenarios().results()) {
            if (!result.passed()) {
                lines.add(new String[] {result.file() + " › " + result.name(),
                        "scenario failed: " + String.join("; ", result.mismatches())});
            }
        }
        return lines;
    }

    static String describe(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        for (String[] line : problems(report)) {
            text.append("  ").append(line[0]).append(": ").append(line[1]).append('\n');
        }
        return text.toString();
    }
}
