package io.posunbind.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages an answer's messages and descriptions are written in. Codes never change with the language.
 * Simplified Chinese is the default: the service's users are acquirers in China and the texts they show merchants
 * are Chinese; English is for anyone who asks for it ({@code Accept-Language: en}).
 */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    public static final Language DEFAULT = ZH_CN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag: {@code zh-CN}, {@code en}. */
    public String tag() {
        return tag;
    }

    public static Optional<Language> ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language an {@code Accept-Language} header asks for (RFC 9110: ranges by quality, {@code *} for any):
     * any {@code zh} range ({@code zh}, {@code zh-CN}, {@code zh-Hans}) is Simplified Chinese, any {@code en} range
     * English; none of them, or no header, is {@link #DEFAULT}.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        record Range(String tag, double quality, int position) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = acceptLanguage.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].strip().split(";");
            double quality = 1.0;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (quality > 0) {
                ranges.add(new Range(pieces[0].strip().toLowerCase(Locale.ROOT), quality, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::position));
        for (Range range : ranges) {
            String primary = range.tag().split("-", 2)[0];
            if (primary.equals("zh")) {
                return ZH_CN;
            }
            if (primary.equals("en")) {
                return EN;
            }
            if (range.tag().equals("*")) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }
}
