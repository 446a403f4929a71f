package io.posunbind.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;

/** Accepting an answer changes only the values a scenario pins, in place, keeping the file's layout. */
class ScenarioAcceptanceTest {
    private static final String FILE = "fees/fees.scenarios.json";

    private static String accept(String text, String answer) {
        List<Scenario> scenarios = ScenarioFiles.parse(FILE, text);
        JsonNode got = RequestJson.read(answer);
        List<ScenarioResult> results = scenarios.stream().map(s -> new ScenarioResult(s.file(), s.name(),
                Expectations.compare(s.expected(), got).isEmpty(), Expectations.compare(s.expected(), got), got))
                .toList();
        ScenarioAcceptance.Accepted accepted = ScenarioAcceptance.accept(Map.of(FILE, text), scenarios, results, false);
        return accepted.files().getOrDefault(FILE, text);
    }

    private static String file(String expected) {
        return """
                {
                  "base": {"caseId": "S"},
                  "scenarios": [
                    {
                      "name": "the one",
                      "request": {},
                      "expected": %s
                    }
                  ]
                }
                """.formatted(expected);
    }

    @Test
    void anAmountKeepsItsDecimalsAndNothingElseMoves() {
        String before = file("""
                {
                        "fees": {"includes": [{"code": "ACCOUNT_CLOSURE", "amount": 50.00}]},
                        "totals": {"fees": 50.00, "net": 50.00}
                      }""");
        String after = accept(before, """
                {"fees": [{"code": "ACCOUNT_CLOSURE", "amount": 60, "description": "x"}], "totals": {"fees": 60, "net": 60}}""");
        assertThat(after).isEqualTo(before.replace("50.00", "60.00"));
    }

    @Test
    void anIncludedElementTheAnswerNoLongerHasMovesToTheEndOfExcludes() {
        String before = file("""
                {"findings": {"includes": [{"code": "HIGH", "severity": "REVIEW"}], "excludes": ["A", "B"]}}""");
        String after = accept(before, """
                {"findings": [{"code": "OTHER", "severity": "ADVISORY"}]}""");
        assertThat(after).isEqualTo(before.replace("""
                {"findings": {"includes": [{"code": "HIGH", "severity": "REVIEW"}], "excludes": ["A", "B"]}}""", """
                {"findings": {"excludes": ["A", "B", "HIGH"]}}"""));
    }

    @Test
    void anExcludedCodeTheAnswerNowHasMovesToIncludesWithTheFieldsThatIdentifyIt() {
        String before = file("""
                {"findings": {"excludes": ["NEW"]}}""");
        String after = accept(before, """
                {"findings": [{"code": "NEW", "severity": "ADVISORY", "subject": null, "message": "m"}]}""");
        assertThat(after).contains("""
                {"findings": {"includes": [{"code": "NEW", "severity": "ADVISORY", "subject": null}]}}""");
    }

    @Test
    void aWholeListGrowsByItsNewElementWrittenLikeItsNeighbours() {
        String before = file("""
                {
                        "fees": [
                          {
                            "code": "A",
                            "amount": 1.0
                          }
                        ]
                      }""");
        String after = accept(before, """
                {"fees": [{"code": "A", "amount": 1.00}, {"code": "B", "amount": 20.0, "description": "x"}]}""");
        assertThat(after).isEqualTo(before.replace("""
                            "amount": 1.0
                          }
                """, """
                            "amount": 1.0
                          },
                          {
                            "code": "B",
                            "amount": 20.00
                          }
                """));
    }

    @Test
    void aWorkedExampleIsLeftAsItIsUnlessAsked() {
        String text = "{\"request\": {}, \"expected\": {\"verdict\": \"APPROVED\"}}";
        String path = "tests/examples/01-x.json";
        List<Scenario> scenarios = ScenarioFiles.parse(path, text);
        JsonNode got = RequestJson.read("{\"verdict\": \"REJECTED\"}");
        List<ScenarioResult> results = List.of(new ScenarioResult(path, "01-x", false, List.of("verdict"), got));
        assertThat(ScenarioAcceptance.accept(Map.of(path, text), scenarios, results, false).notAccepted())
                .containsExactly("tests/examples/01-x.json › 01-x");
        assertThat(ScenarioAcceptance.accept(Map.of(path, text), scenarios, results, true).files().get(path))
                .isEqualTo("{\"request\": {}, \"expected\": {\"verdict\": \"REJECTED\"}}");
    }
}
