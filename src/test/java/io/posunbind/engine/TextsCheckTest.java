package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** A rule set answers in every language: validation names each text that is missing or does not match. */
class TextsCheckTest {
    private static final String RULES = """
            package fees;

            import io.posunbind.facts.*;

            rule "A fee"
            when
                UnbindCase()
            then
                insert(Fee.of("EARLY_TERMINATION", "10.00").text(true ? "ET_CAPPED" : "ET"));
                insert(Finding.of("REGULATORY_HOLD", Severity.BLOCKER));
                insert(Step.of(10, "CONTACT_PROVIDER"));
            end
            """;

    private static List<RuleProblem> check(String en, String zh) {
        Map<String, String> files = new TreeMap<>(Map.of("fees/fees.drl", RULES, "texts/en.properties", en));
        if (zh != null) {
            files.put("texts/zh-CN.properties", zh);
        }
        return TextsCheck.check(RuleFiles.of(files));
    }

    @Test
    void theShippedRulesHaveEveryTextInBothLanguages() {
        assertThat(TextsCheck.check(RuleFiles.readDirectory(Path.of("rules")))).isEmpty();
    }

    @Test
    void aMissingLanguageIsNamedWithItsFile() {
        assertThat(check("x = y", null)).extracting(RuleProblem::toString).containsExactly("ERROR "
                + "texts/zh-CN.properties The rule set has no texts in zh-CN: add texts/zh-CN.properties with a text "
                + "for every finding, fee, refund and step code (see rules/README.md, texts).");
    }

    @Test
    void aCodeWithoutTextIsNamedWhereTheRuleWritesIt() {
        String all = "fee.ET = a\nfee.ET_CAPPED = b\nfinding.REGULATORY_HOLD = c\nstep.CONTACT_PROVIDER = d\n";
        List<RuleProblem> problems = check(all, all.replace("step.CONTACT_PROVIDER = d\n", "")
                .replace("fee.ET_CAPPED = b\n", ""));

        assertThat(problems).extracting(RuleProblem::location, RuleProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fees/fees.drl:9:61",
                        "The text fee.ET_CAPPED is missing in zh-CN: add a line \"fee.ET_CAPPED = ...\" to "
                                + "texts/zh-CN.properties."),
                org.assertj.core.groups.Tuple.tuple("fees/fees.drl:11:24",
                        "The text step.CONTACT_PROVIDER is missing in zh-CN: add a line \"step.CONTACT_PROVIDER = "
                                + "...\" to texts/zh-CN.properties."));
    }

    @Test
    void aTextNamingOtherValuesInOneLanguageIsRefused() {
        String en = "fee.ET = {months} months\nfee.ET_CAPPED = b\nfinding.REGULATORY_HOLD = c\nstep.CONTACT_PROVIDER = d\n";

        assertThat(check(en, en.replace("{months} months", "{month} 个月"))).extracting(RuleProblem::message)
                .containsExactly("The text fee.ET fills in [month] in zh-CN but [months] in en; a text names the "
                        + "same values in every language.");
    }
}
