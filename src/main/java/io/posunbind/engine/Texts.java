package io.posunbind.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of a rule set, by language: {@code texts/en.properties}, {@code texts/zh-CN.properties}, each line
 * {@code key = text}. A finding's message is {@code finding.<CODE>}, a fee's description {@code fee.<CODE>} (or the
 * key its rule chose), a refund's {@code refund.<CODE>}, a step's {@code step.<CODE>}. {@code {name}} in a text is
 * filled in with the value the rule gave as {@code with("name", value)}; an enum value is written as the text
 * {@code <Type>.<NAME>} when there is one ({@code DocumentType.POLICE_REPORT = 报案证明}), else by its name; a list
 * item by item, alphabetically, joined by {@code list.separator} (default ", ").
 */
public final class Texts {
    /** The folder of the text files in a rule set. */
    public static final String DIRECTORY = "texts/";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final String SEPARATOR = "list.separator";

    private final Map<Language, Map<String, String>> byLanguage;

    private Texts(Map<Language, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The texts of the rule set's files; empty when it has none (rule sets made before texts existed). */
    public static Texts of(RuleFiles files) {
        Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String text = files.files().get(fileOf(language));
            if (text != null) {
                byLanguage.put(language, parse(text));
            }
        }
        return new Texts(byLanguage);
    }

    /** The path of a language's file: {@code texts/zh-CN.properties}. */
    public static String fileOf(Language language) {
        return DIRECTORY + language.tag() + ".properties";
    }

    static Map<String, String> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("unreadable texts: " + e.getMessage(), e));
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((key, value) -> texts.put(String.valueOf(key), String.valueOf(value).strip()));
        return texts;
    }

    /** True when the rule set has texts in this language. */
    public boolean has(Language language) {
        return byLanguage.containsKey(language);
    }

    /** Every text of a language by key; empty when it has none. */
    Map<String, String> all(Language language) {
        return byLanguage.getOrDefault(language, Map.of());
    }

    Optional<String> text(Language language, String key) {
        return Optional.ofNullable(all(language).get(key));
    }

    /** The name the texts give a code of a type ({@code DocumentType}, {@code POLICE_REPORT}), else the code. */
    public String nameOf(Language language, String type, String code) {
        return all(language).getOrDefault(type + "." + code, code);
    }

    /** The text of the key filled in with the params, or the fallback (the rule's own sentence) when there is none. */
    String render(Language language, String key, Map<String, Object> params, String fallback) {
        String template = all(language).get(key);
        if (template == null) {
            return fallback;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null && !params.containsKey(m.group(1))
                    ? m.group() : write(language, value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String write(Language language, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return all(language).getOrDefault(constant.getDeclaringClass().getSimpleName() + "." + constant.name(),
                    constant.name());
        }
        if (value instanceof Collection<?> items) {
            return String.join(all(language).getOrDefault(SEPARATOR, ", "),
                    items.stream().map(item -> write(language, item)).sorted().toList());
        }
        return String.valueOf(value);
    }
}
