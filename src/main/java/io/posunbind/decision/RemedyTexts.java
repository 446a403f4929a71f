package io.posunbind.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import io.posunbind.engine.Language;
import io.posunbind.engine.Texts;

/**
 * The words for the changes a merchant can make, in each language: the service's own texts
 * ({@code texts/remedies.<language>.properties} on the classpath), since the remedies are the service's, not a rule
 * set's.
 */
final class RemedyTexts {
    private final Map<Language, Properties> byLanguage;

    private RemedyTexts(Map<Language, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static RemedyTexts load() {
        Map<Language, Properties> byLanguage = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String resource = "/texts/remedies." + language.tag() + ".properties";
            try (InputStream in = RemedyTexts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The service is built without " + resource);
                }
                Properties texts = new Properties();
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                byLanguage.put(language, texts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RemedyTexts(byLanguage);
    }

    /** The change in words; its documents by the names the rule set's texts give them. */
    String describe(Language language, Remedy.Change change, Texts names) {
        String text = byLanguage.get(language).getProperty(change.remedy().name(), change.remedy().name());
        String separator = language == Language.ZH_CN ? "、" : ", ";
        return text.replace("{documents}", String.join(separator, change.documents().stream()
                .map(d -> names.nameOf(language, "DocumentType", d)).toList()));
    }
}
