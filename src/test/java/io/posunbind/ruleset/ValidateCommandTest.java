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

    private int validate(Path directory, String... options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] args = new String[options.length + 2];
        args[0] = "validate";
        args[1] = directory.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        int status = ValidateCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
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
        assertThat(output).contains("fees/fees.drl:9:5: error: `UnbindCas` is not a fact type. "
                + "Did you mean `UnbindCase`?").contains("Scenarios: not run").contains("NOT VALID: 1 error(s)");
    }

    @Test
    void failedScenarioIsNamedWithWhatDiffered() throws IOException {
        writeCandidate();
        write("fees/fees.drl", Files.readString(rules.resolve("fees/fees.drl")).replace("\"50.00\"", "\"60.00\""));
        assertThat(validate(rules)).isEqualTo(1);
        assertThat(output).contains("Scenarios: 1 of 2 passed")
                .contains("FAILED fees/fees.scenarios.json › A switch of provider pays the account closure fee")
                .contains("fees[ACCOUNT_CLOSURE].amount: expected 50.00, got 60.00");
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
    void acceptSetsTheFailingScenarioToTheNewAnswerChangingOnlyItsValueAndPrintsTheChange() throws IOException {
        writeCandidate();
        write("fees/fees.drl", Files.readString(rules.resolve("fees/fees.drl")).replace("\"50.00\"", "\"60.00\""));
        String before = Files.readString(rules.resolve("fees/fees.scenarios.json"));

        assertThat(validate(rules, "--accept")).isZero();

        assertThat(output).contains("Accepted 1 scenario(s) in 1 file(s)")
                .contains("ACCEPTED fees/fees.scenarios.json › A switch of provider pays the account closure fee")
                .contains("fees[ACCOUNT_CLOSURE].amount: expected 50.00, got 60.00")
                .contains("Scenarios: 2 of 2 passed").contains("VALID");
        assertThat(Files.readString(rules.resolve("fees/fees.scenarios.json")))
                .isEqualTo(before.replace("\"amount\": 50.0", "\"amount\": 60.0"));
        assertThat(validate(rules)).isZero();
    }

    @Test
    void aWorkedExampleIsAcceptedOnlyWithAcceptExamples() throws IOException {
        writeCandidate();
        String scenarios = Files.readString(rules.resolve("fees/fees.scenarios.json"));
        String example = scenarios.substring(0, scenarios.indexOf("\"scenarios\"")).replace("\"base\"", "\"request\"")
                + "\"expected\": {\"fees\": [{\"code\": \"ACCOUNT_CLOSURE\", \"amount\": 50.00}]}\n}\n";
        write("tests/examples/01-switch.json", example);
        write("fees/fees.drl", Files.readString(rules.resolve("fees/fees.drl")).replace("\"50.00\"", "\"60.00\""));

        assertThat(validate(rules, "--accept")).isEqualTo(1);
        assertThat(output).contains("NOT ACCEPTED tests/examples/01-switch.json › 01-switch: a worked example")
                .contains("--accept-examples");
        assertThat(Files.readString(rules.resolve("tests/examples/01-switch.json"))).isEqualTo(example);

        assertThat(validate(rules, "--accept-examples")).isZero();
        assertThat(Files.readString(rules.resolve("tests/examples/01-switch.json")))
                .isEqualTo(example.replace("50.00", "60.00"));
    }

    @Test
    void anUnknownOptionExitsTwoWithTheUsage() throws IOException {
        writeCandidate();
        assertThat(validate(rules, "--acept")).isEqualTo(2);
        assertThat(output).contains("unknown option --acept").contains("validate [DIR] [--accept] [--accept-examples]");
    }

    @Test
    void missingDirectoryExitsTwo() {
        assertThat(validate(rules.resolve("nothing-here"))).isEqualTo(2);
        assertThat(output).contains("does not exist");
    }
}
