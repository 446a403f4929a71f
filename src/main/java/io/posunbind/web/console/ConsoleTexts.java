package io.posunbind.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console's words in each of its languages ({@code console/texts.LANG.properties}): the pages' labels, and the
 * scripts' words, which each page carries as a JSON data block. Both files must hold the same keys
 * (ConsoleTextsTest), so a page is never half translated.
 */
@ApplicationScoped
public class ConsoleTexts {
    /** The languages, the default first: the console's users are in China. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");

    private final Map<String, Map<String, String>> texts = new TreeMap<>();
    private final Map<String, String> json = new TreeMap<>();

    public ConsoleTexts() {
        ObjectMapper mapper = new ObjectMapper();
        for (String language : LANGUAGES) {
            Map<String, String> words = read(language);
            texts.put(language, words);
            try {
                // A data block ends at the first "</script": no text may close it early.
                json.put(language, mapper.writeValueAsString(words).replace("<", "\\u003c"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The words of a language (one of {@link #LANGUAGES}). */
    public Map<String, String> of(String language) {
        return texts.get(language);
    }

    /** The words of a language as JSON, safe inside a {@code <script type="application/json">}. */
    public String json(String language) {
        return json.get(language);
    }

    static Map<String, String> read(String language) {
        String name = "console/texts." + language + ".properties";
        try (InputStream in = ConsoleTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The console's texts " + name + " are not in the application");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> words = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> words.put(key, properties.getProperty(key)));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("The console's texts " + name + " could not be read", e);
        }
    }
}
