package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** @regulation and @owner on every rule, switchable; a policy section docs/policy.md lacks is a warning. */
class MetadataCheckTest {
    private static final RuleFiles POLICY = RuleFiles.readDirectory(Path.of("rules"));

    private static RuleFiles with(String file, String from, String to) {
        Map<String, String> files = new TreeMap<>(POLICY.files());
        assertThat(files.get(file)).contains(from);
        files.put(file, files.get(file).replaceFirst(java.util.regex.Pattern.quote(from), to));
        return RuleFiles.of(files);
    }

    @Test
    void policyV1HasEveryRulesMetadataAndCitesOnlySectionsThePolicyHas() {
        assertThat(MetadataCheck.check(POLICY, true)).isEmpty();
    }

    @Test
    void aRuleWithoutRegulationIsAnErrorNamingItUnlessSwitchedOff() {
        RuleFiles files = with("eligibility/eligibility.drl",
                "    @regulation(\"PBOC acquiring rules: merchants frozen by a regulator\")\n", "");
        assertThat(MetadataCheck.check(files, true)).extracting(RuleProblem::toString).containsExactly(
                "ERROR eligibility/eligibility.drl:7:6 The rule \"Regulatory hold blocks the unbind\" has no "
                        + "@regulation: every rule says the regulation or policy section it implements, written "
                        + "after its name: @regulation(\"...\").");
        assertThat(MetadataCheck.check(files, false)).isEmpty();
    }

    @Test
    void aTableRowWithoutOwnerIsNamedByItsRow() {
        RuleFiles files = with("fees/fee-schedule.csv", "Unbind policy v1 §4,compliance,\"Closing", "Unbind policy v1 §4,,\"Closing");
        assertThat(MetadataCheck.check(files, true)).extracting(RuleProblem::location, RuleProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fees/fee-schedule.csv:10:1", "Row 10, column A "
                        + "\"Rule\": The rule \"Closing the account costs the account closure fee\" has no @owner: "
                        + "every rule says who answers for it, written after its name: @owner(\"...\")."));
    }

    @Test
    void aCitedSectionThePolicyLacksIsAWarning() {
        RuleFiles files = with("verdict/verdict.drl", "Unbind policy v1 §6", "Unbind policy v1 §9");
        assertThat(MetadataCheck.check(files, true)).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("cites §9 of Unbind policy v1, which docs/policy.md does not have "
                    + "(its sections are §1, §2, §3, §4, §5, §6, §7)");
        });
    }
}
