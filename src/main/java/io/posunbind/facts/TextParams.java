package io.posunbind.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a result's text is filled in with: {@code {months}} in a text is the value given as
 * {@code with("months", $months)}. Amounts, dates, numbers and texts are written as they are; a value of an enum
 * (a document type, a risk flag) is written with its name from the texts when they give one; a list is written
 * item by item, in alphabetical order.
 */
final class TextParams {
    private TextParams() {
    }

    static Map<String, Object> none() {
        return Map.of();
    }

    /** The params with one more (or one replaced); the given map is not changed. */
    static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return Collections.unmodifiableMap(copy);
    }

    static Map<String, Object> copy(Map<String, Object> params) {
        return params == null || params.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
