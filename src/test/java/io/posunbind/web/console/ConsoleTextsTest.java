package io.posunbind.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every word the console shows exists in both languages, translated. */
class ConsoleTextsTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/console");
    private static final Path SCRIPT = Path.of("src/main/resources/META-INF/resources/console/assets/console.js");

    @Test
    void bothLanguagesHoldTheSameKeysAndNoEmptyText() {
        Map<String, String> en = ConsoleTexts.read("en");
        Map<String, String> zh = ConsoleTexts.read("zh-CN");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        en.forEach((key, text) -> assertThat(text).as("en " + key).isNotBlank());
        zh.forEach((key, text) -> assertThat(text).as("zh-CN " + key).isNotBlank());
        // The Chinese file is Chinese: a key left in English is a key not translated.
        zh.forEach((key, text) -> {
            if (!key.equals("otherLanguage")) {
                assertThat(text).as("zh-CN " + key + " is translated").isNotEqualTo(en.get(key));
            }
        });
    }

    @Test
    void everyWordThePagesAndTheScriptAskForExists() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Pattern.compile("\\{t\\.([A-Za-z0-9]+)"), Files.readString(template), asked);
            }
        }
        String script = Files.readString(SCRIPT);
        collect(Pattern.compile("\\bt\\('([A-Za-z0-9.-]+)'"), script, asked);
        assertThat(asked).hasSizeGreaterThan(100);
        assertThat(ConsoleTexts.read("en").keySet()).containsAll(asked);
    }

    @Test
    void everyKindOfBreakVerifyCanReportHasItsWords() throws ReflectiveOperationException {
        Set<String> kinds = new TreeSet<>();
        for (java.lang.reflect.Field field : Class.forName("io.posunbind.audit.ChainWalk").getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                kinds.add("breakKind." + field.get(null));
            }
        }
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(6);
        assertThat(ConsoleTexts.read("en").keySet()).containsAll(kinds);
    }

    @Test
    void theJsonForThePagesCannotCloseItsScriptElement() {
        ConsoleTexts texts = new ConsoleTexts();
        for (String language : ConsoleTexts.LANGUAGES) {
            assertThat(texts.json(language)).doesNotContain("<").startsWith("{");
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
