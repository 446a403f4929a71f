package io.posunbind.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.posunbind.engine.RuleFiles;

/** What a diff of two versions of policy v1 names: the file, the rule by name with its metadata, the scenarios. */
class RuleSetDiffTest {
    private static final RuleFiles POLICY_V1 = RuleFiles.readDirectory(Path.of("rules"));
    private static final String FEE_TABLE = "fees/fee-schedule.csv";

    private static RuleFiles withClosureFee(String amount) {
        Map<String, String> files = new TreeMap<>(POLICY_V1.files());
        files.put(FEE_TABLE, files.get(FEE_TABLE).replace(",x,,50.00,ACCOUNT_CLOSURE", ",x,," + amount
                + ",ACCOUNT_CLOSURE"));
        return RuleFiles.of(files);
    }

    @Test
    void oneChangedFeeNamesExactlyThatRuleAndThatFile() {
        RuleFiles changed = withClosureFee("60.00");
        RuleSetDiff diff = RuleSetDiff.of(changed.version(), changed, POLICY_V1.version(), POLICY_V1);

        assertThat(diff.files().added()).isEmpty();
        assertThat(diff.files().removed()).isEmpty();
        assertThat(diff.files().changed()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(FEE_TABLE);
            assertThat(f.diff()).startsWith("--- a/" + FEE_TABLE + "\n+++ b/" + FEE_TABLE + "\n@@ ")
                    .contains("\n-Closing the account costs the account closure fee,")
                    .contains(",x,,60.00,ACCOUNT_CLOSURE\n");
        });
        assertThat(diff.rules().added()).isEmpty();
        assertThat(diff.rules().removed()).isEmpty();
        assertThat(diff.rules().changed()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Closing the account costs the account closure fee");
            assertThat(r.file()).isEqualTo(FEE_TABLE);
            assertThat(r.regulation()).isEqualTo("Unbind policy v1 §4");
            assertThat(r.owner()).isNotBlank();
            assertThat(r.changes()).containsExactly("text");
        });
        assertThat(diff.scenarios().changed()).isEmpty();
        assertThat(diff.empty()).isFalse();
    }

    @Test
    void aRuleAddedAndScenariosAcceptedAreNamed() {
        Map<String, String> files = new TreeMap<>(POLICY_V1.files());
        files.put("account/account.drl", files.get("account/account.drl") + "\nrule \"A positive balance is paid "
                + "out after the unbind\"\n    @regulation(\"PBOC acquiring rules\")\n    @owner(\"compliance\")\nwhen\n"
                + "    Account( balance > 0.00B )\nthen\n    insert(Finding.of(\"PAYOUT\", Severity.ADVISORY));\nend\n");
        String scenarios = "fees/fees.scenarios.json";
        files.put(scenarios, files.get(scenarios).replaceFirst("\"amount\": 50.00", "\"amount\": 60.00"));
        RuleFiles changed = RuleFiles.of(files);

        RuleSetDiff diff = RuleSetDiff.of(changed.version(), changed, POLICY_V1.version(), POLICY_V1);
        assertThat(diff.rules().added()).extracting(RuleSetDiff.RuleChange::name)
                .containsExactly("A positive balance is paid out after the unbind");
        assertThat(diff.rules().changed()).isEmpty();
        assertThat(diff.scenarios().changed()).hasSize(1).allMatch(s -> s.startsWith(scenarios + " › "));
        assertThat(RuleSetDiff.of(POLICY_V1.version(), POLICY_V1, POLICY_V1.version(), POLICY_V1).empty()).isTrue();
    }

    @Test
    void theDiffCommandComparesTwoDirectories(@TempDir Path work) throws Exception {
        Path before = work.resolve("before");
        Path after = work.resolve("after");
        for (Map.Entry<String, String> file : POLICY_V1.files().entrySet()) {
            for (Path root : new Path[] {before, after}) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        ByteArrayOutputStream same = new ByteArrayOutputStream();
        assertThat(DiffCommand.run(new String[] {"diff", before.toString(), after.toString()},
                new PrintStream(same, true, StandardCharsets.UTF_8))).isZero();
        assertThat(same.toString(StandardCharsets.UTF_8)).contains("No difference.");

        Files.writeString(after.resolve(FEE_TABLE), withClosureFee("60.00").files().get(FEE_TABLE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(DiffCommand.run(new String[] {"diff", before.toString(), after.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Files: 0 added, 0 removed, 1 changed\n  changed  " + FEE_TABLE)
                .contains("Rules: 0 added, 0 removed, 1 changed\n  changed  \"Closing the account costs the account "
                        + "closure fee\" (" + FEE_TABLE + "; Unbind policy v1 §4): text")
                .contains("+++ b/" + FEE_TABLE);
        assertThat(DiffCommand.run(new String[] {"diff", before.toString()}, new PrintStream(out))).isEqualTo(2);
    }
}
