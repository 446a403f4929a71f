package io.posunbind.scenario;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares an expected answer fragment with an actual answer. Objects: every expected field must match, fields
 * not mentioned are not checked (so messages and rule names need not be written out). Lists: same length, each
 * element matching in order. Numbers: equal in value (50 matches 50.00).
 */
public final class Expectations {

    private Expectations() {
    }

    public static List<String> compare(JsonNode expected, JsonNode actual) {
        List<String> mismatches = new ArrayList<>();
        compare("", expected, actual, mismatches);
        return mismatches;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject()) {
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
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                out.add(describe(path, expected, actual));
                return;
            }
            List<String> inner = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), inner);
            }
            if (!inner.isEmpty()) {
                out.add(describe(path, expected, actual));
            }
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

    private static String describe(String path, JsonNode expected, JsonNode actual) {
        return path + ": expected " + summary(expected) + ", got " + (actual == null ? "nothing" : summary(actual));
    }

    /** Lists of coded items are shown by code (and subject or amount), which is what a reader compares. */
    private static String summary(JsonNode node) {
        if (node.isNumber()) {
            // JSON trees keep 300.00 as 3E+2; officers read amounts, not scientific notation
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (!node.isArray()) {
            return node.toString();
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isObject() && item.has("code")) {
                String text = item.get("code").asText();
                if (item.hasNonNull("subject")) {
                    text += "(" + item.get("subject").asText() + ")";
                }
                if (item.has("amount")) {
                    text += "=" + item.get("amount").decimalValue().stripTrailingZeros().toPlainString();
                }
                items.add(text);
            } else {
                items.add(item.isTextual() ? item.asText() : item.toString());
            }
        }
        return items.toString();
    }
}
