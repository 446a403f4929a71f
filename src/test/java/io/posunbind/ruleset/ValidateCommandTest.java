package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line validation: a report an editor can jump from, and an exit status a commit hook can use. */
class ValidateCommandTest {
    @TempDir
    Path rules;

    private String output;

    private int validate(Path directory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ValidateCommand.run(new String[] {"validate", directory.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }

    private void write(String path, String text) throws IOException {
        Path file = rules.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void writeCandidate() throws IOException {
        write("verdict/verdict.drl", Files.readString(Path.of("rules/verdict/verdict.drl")));
        write("fees/fees.drl", Files.readString(Path.of("src/test/resources/ruleset/validation/fees.drl")));
        write("fees/fees.scenarios.json", Files.readString(Path.of("src/test/resources/ruleset/validation/fees.scenarios.json")));
        write("texts/en.properties", Files.readString(Path.of("src/test/resources/ruleset/validation/texts/en.properties")));
        write("texts/zh-CN.properties", Files.readString(Path.of("src/test/resources/ruleset/validation/texts/zh-CN.properties")));
    }

    @Test
    void validDirectoryExitsZeroAndCountsTheScenarios() throws IOException {
        writeCandidate();
        assertThat(validate(rules)).isZero();
        assertThat(output).contains("Scenarios: 2 of 2 passed").contains("VALID");
    }

    @Test
    void brokenFileExitsOneNamingFileLineAndColumn() throws IOException {
        writeCandidate();
        write("fees/fees.drl", Files.readString(rules.resolve("fees/fees.drl")).replace("UnbindCase(", "UnbindCas("));
        assertThat(validate(rules)).isEqualTo(1);
        assertThat(output).contains("fees/fees.drl:7:5: error: `UnbindCas` is not a fact type. "
                + "Did you mean `UnbindCase`?").contains("Scenarios: not run").contains("NOT VALID: 1 error(s)");
    }

    @Test
    void failedScenarioIsNamedWithWhatDiffered() throws IOException {
        writeCandidate();
        write("fees/fees.drl", Files.readString(rules.resolve("fees/fees.drl")).replace("\"50.00\"", "\"60.00\""));
        assertThat(validate(rules)).isEqualTo(1);
        assertThat(output).contains("Scenarios: 1 of 2 passed")
                .contains("FAILED fees/fees.scenarios.json › A switch of provider pays the account closure fee")
                .contains("fees: expected [ACCOUNT_CLOSURE=50], got [ACCOUNT_CLOSURE=60]");
    }

    @Test
    void scenarioExpectingACodeNoRuleProducesIsAWarning() throws IOException {
        writeCandidate();
        write("fees/fees.scenarios.json", Files.readString(rules.resolve("fees/fees.scenarios.json"))
                .replace("\"code\": \"ACCOUNT_CLOSURE\"", "\"code\": \"ACCOUNT_CLOSING\""));
        validate(rules);
        assertThat(output).containsPattern("fees/fees.scenarios.json:\\d+:\\d+: warning: Scenario \"A switch of "
                + "provider pays the account closure fee\" expects the fee code ACCOUNT_CLOSING, which no rule file "
                + "produces");
    }

    @Test
    void missingDirectoryExitsTwo() {
        assertThat(validate(rules.resolve("nothing-here"))).isEqualTo(2);
        assertThat(output).contains("does not exist");
    }
}
