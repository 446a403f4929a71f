package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accept-Language chooses the language of an answer's texts; anything else gets Simplified Chinese. */
class LanguageTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "en | EN", "en-US | EN", "EN-gb | EN", "zh-CN | ZH_CN", "zh | ZH_CN", "zh-Hans-CN | ZH_CN",
        "'fr, en;q=0.5' | EN", "'en;q=0.4, zh-CN;q=0.9' | ZH_CN", "'en;q=0, zh' | ZH_CN", "'*' | ZH_CN",
        "fr | ZH_CN", "'' | ZH_CN", "'en;q=abc, zh;q=0.1' | ZH_CN"})
    void negotiatesTheLanguageOfTheAnswer(String header, Language expected) {
        assertThat(Language.negotiate(header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "no header is {0}")
    @CsvSource("ZH_CN")
    void noHeaderIsSimplifiedChinese(Language expected) {
        assertThat(Language.negotiate(null)).isEqualTo(expected).isEqualTo(Language.DEFAULT);
    }
}
