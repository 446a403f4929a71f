package io.posunbind.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares what a scenario expects with an answer, naming each field that differs.
 * <ul>
 * <li>Objects: every expected field must match; fields not mentioned are not checked (so messages and rule names
 * need not be written out).</li>
 * <li>Lists written as lists: the same elements in the same order. Elements with a {@code code} are compared by it,
 * so a difference names the element ({@code fees[ACCOUNT_CLOSURE].amount}).</li>
 * <li>Lists pinned by what they are about, written as an object with one or more of: {@code includes} (these
 * elements are in the list, wherever), {@code excludes} (none of these is: a code, or a partial element), and
 * {@code codes} (the list's codes are exactly these, in any order).</li>
 * <li>Numbers: equal in value (50 matches 50.00). {@code null}: absent or null.</li>
 * </ul>
 */
public final class Expectations {
    /** The ways a list can be pinned by what it is about. */
    public static final Set<String> LIST_OPERATORS = Set.of("includes", "excludes", "codes");

    private Expectations() {
    }

    public static List<String> compare(JsonNode expected, JsonNode actual) {
        List<String> mismatches = new ArrayList<>();
        compare("", expected, actual, mismatches);
        return mismatches;
    }

    /** True when the expected fragment matches the actual value. */
    static boolean matches(JsonNode expected, JsonNode actual) {
        return compare(expected, actual).isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual != null && actual.isArray()) {
            ListExpectation.compare(path, expected, actual, out);
        } else if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                out.add(describe(path, expected, actual));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
                        actual.get(field.getKey()), out);
            }
        } else if (expected.isArray()) {
            list(path, expected, actual, out);
        } else if (expected.isNumber()) {
            if (actual == null || !actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(describe(path, expected, actual));
            }
        } else if (expected.isNull()) {
            if (actual != null && !actual.isNull()) {
                out.add(describe(path, expected, actual));
            }
        } else if (actual == null || !expected.equals(actual)) {
            out.add(describe(path, expected, actual));
        }
    }

    /** A list written out whole: by code when its elements have one, else element by element. */
    private static void list(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || !actual.isArray()) {
            out.add(describe(path, expected, actual));
            return;
        }
        if (keyed(expected) && keyed(actual)) {
            Map<String, JsonNode> want = byKey(expected);
            Map<String, JsonNode> got = byKey(actual);
            int before = out.size();
            want.forEach((key, element) -> {
                JsonNode other = got.get(key);
                if (other == null) {
                    out.add(path + "[" + key + "]: expected " + summary(element) + ", got nothing");
                } else {
                    compare(path + "[" + key + "]", element, other, out);
                }
            });
            got.forEach((key, element) -> {
                if (!want.containsKey(key)) {
                    out.add(path + "[" + key + "]: not expected, got " + summary(element));
                }
            });
            if (out.size() == before && !new ArrayList<>(want.keySet()).equals(new ArrayList<>(got.keySet()))) {
                out.add(path + ": expected in the order " + want.keySet() + ", got " + got.keySet());
            }
            return;
        }
        List<String> inner = new ArrayList<>();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            compare(path + "[" + i + "]", expected.get(i), actual.get(i), inner);
        }
        if (actual.size() != expected.size() || !inner.isEmpty()) {
            out.add(describe(path, expected, actual));
        }
    }

    /** True when every element is an object with a code (the answer's lines and their expectations). */
    static boolean keyed(JsonNode list) {
        for (JsonNode element : list) {
            if (!element.isObject() || !element.hasNonNull("code")) {
                return false;
            }
        }
        return true;
    }

    /** An element's key: its code, and its subject when it has one ({@code MISSING_DOCUMENT/IDENTITY_PROOF}). */
    static String key(JsonNode element) {
        String code = element.path("code").asText();
        return element.hasNonNull("subject") ? code + "/" + element.get("subject").asText() : code;
    }

    static Map<String, JsonNode> byKey(JsonNode list) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode element : list) {
            String key = key(element);
            String unique = key;
            for (int n = 2; byKey.containsKey(unique); n++) {
                unique = key + "#" + n;
            }
            byKey.put(unique, element);
        }
        return byKey;
    }

    /** The distinct codes of a list of coded elements, in order. */
    static Set<String> codes(JsonNode list) {
        Set<String> codes = new LinkedHashSet<>();
        list.forEach(element -> codes.add(element.isTextual() ? element.asText() : element.path("code").asText()));
        return codes;
    }

    static String describe(String path, JsonNode expected, JsonNode actual) {
        return path + ": expected " + summary(expected) + ", got " + (actual == null ? "nothing" : summary(actual));
    }

    /** Lists of coded items are shown by code (and subject or amount), which is what a reader compares. */
    static String summary(JsonNode node) {
        if (node.isNumber()) {
            return number(node);
        }
        if (node.isObject() && node.has("code")) {
            return item(node);
        }
        if (!node.isArray()) {
            return node.toString();
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            items.add(item.isObject() && item.has("code") ? item(item) : item.isTextual() ? item.asText()
                    : item.toString());
        }
        return items.toString();
    }

    /**
     * A count as written, an amount with its two decimals at least: officers read 50.00, not 50 or 5E+1 (the form
     * in which a JSON tree may keep it).
     */
    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        BigDecimal amount = node.decimalValue().stripTrailingZeros();
        return amount.setScale(Math.max(2, amount.scale())).toPlainString();
    }

    private static String item(JsonNode item) {
        String text = item.get("code").asText();
        if (item.hasNonNull("subject")) {
            text += "(" + item.get("subject").asText() + ")";
        }
        if (item.has("amount")) {
            text += "=" + number(item.get("amount"));
        }
        return text;
    }
}
