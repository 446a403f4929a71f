package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.posunbind.facts.DocumentType;
import io.posunbind.facts.RiskFlag;

/** A text is filled in with the values its rule gave, written for the language. */
class TextsTest {
    private static final Texts TEXTS = Texts.of(RuleFiles.of(Map.of(
            "texts/en.properties", """
                    finding.X = Flags ({flags}) for {document}, {amount} CNY until {end}.
                    finding.Y = No values here.
                    """,
            "texts/zh-CN.properties", """
                    list.separator = 、
                    finding.X = 标记（{flags}），材料 {document}，{amount} 元，至 {end}。
                    DocumentType.POLICE_REPORT = 报案证明
                    RiskFlag.DATA_LEAK = 数据泄露
                    RiskFlag.SUSPECTED_FRAUD = 疑似欺诈
                    """)));
    private static final Map<String, Object> PARAMS = new LinkedHashMap<>();

    static {
        PARAMS.put("flags", EnumSet.of(RiskFlag.SUSPECTED_FRAUD, RiskFlag.DATA_LEAK));
        PARAMS.put("document", DocumentType.POLICE_REPORT);
        PARAMS.put("amount", new BigDecimal("600.00"));
        PARAMS.put("end", LocalDate.of(2027, 3, 1));
    }

    @Test
    void fillsInAmountsDatesEnumsAndListsInAlphabeticalOrder() {
        assertThat(TEXTS.render(Language.EN, "finding.X", PARAMS, "fallback"))
                .isEqualTo("Flags (DATA_LEAK, SUSPECTED_FRAUD) for POLICE_REPORT, 600.00 CNY until 2027-03-01.");
        assertThat(TEXTS.render(Language.ZH_CN, "finding.X", PARAMS, "fallback"))
                .isEqualTo("标记（数据泄露、疑似欺诈），材料 报案证明，600.00 元，至 2027-03-01。");
    }

    @Test
    void aKeyWithoutTextAnswersTheRulesOwnSentenceAndAMissingValueStaysVisible() {
        assertThat(TEXTS.render(Language.ZH_CN, "finding.Y", Map.of(), "The rule's sentence."))
                .isEqualTo("The rule's sentence.");
        assertThat(TEXTS.render(Language.EN, "finding.X", Map.of("flags", List.of()), null))
                .isEqualTo("Flags () for {document}, {amount} CNY until {end}.");
    }

    @Test
    void aRuleSetWithoutTextsHasNoLanguage() {
        Texts none = Texts.of(RuleFiles.of(Map.of("fees/fees.drl", "package fees;")));

        assertThat(none.has(Language.EN)).isFalse();
        assertThat(none.has(Language.ZH_CN)).isFalse();
        assertThat(TEXTS.has(Language.ZH_CN)).isTrue();
        assertThatThrownBy(() -> Texts.of(RuleFiles.of(Map.of("texts/en.properties", "x = \\u12"))))
                .hasMessageContaining("unreadable texts");
    }
}
