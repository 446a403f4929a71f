package io.posunbind.scenario;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A list pinned by what the scenario is about rather than whole: {@code {"includes": [...]}} (these elements are in
 * it, partially matched, anywhere), {@code {"excludes": ["CODE", {...}]}} (none of these is), {@code {"codes": [...]}}
 * (its distinct codes are exactly these). A change to anything else in the list leaves the scenario passing.
 */
final class ListExpectation {

    private ListExpectation() {
    }

    static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> operator = it.next();
            JsonNode value = operator.getValue();
            switch (operator.getKey()) {
                case "includes" -> includes(path, value, actual, out);
                case "excludes" -> excludes(path, value, actual, out);
                case "codes" -> codes(path, value, actual, out);
                default -> out.add(path + ": \"" + operator.getKey() + "\" is not a way to pin a list; use "
                        + new TreeSet<>(Expectations.LIST_OPERATORS));
            }
        }
    }

    private static void includes(String path, JsonNode wanted, JsonNode actual, List<String> out) {
        for (JsonNode element : wanted) {
            JsonNode same = sameKey(element, actual);
            if (same != null) {
                Expectations.compare(element, same).forEach(m -> out.add(path + "[" + Expectations.key(element)
                        + "]" + (m.startsWith(":") ? "" : ".") + m));
            } else if (!anyMatches(element, actual)) {
                out.add(path + ": expected to include " + Expectations.summary(element) + ", got "
                        + Expectations.summary(actual));
            }
        }
    }

    private static void excludes(String path, JsonNode unwanted, JsonNode actual, List<String> out) {
        for (JsonNode element : unwanted) {
            for (JsonNode candidate : actual) {
                boolean hit = element.isTextual() ? element.asText().equals(candidate.path("code").asText())
                        : Expectations.matches(element, candidate);
                if (hit) {
                    out.add(path + ": expected not to include " + (element.isTextual() ? element.asText()
                            : Expectations.summary(element)) + ", got " + Expectations.summary(candidate));
                    break;
                }
            }
        }
    }

    private static void codes(String path, JsonNode wanted, JsonNode actual, List<String> out) {
        Set<String> expected = Expectations.codes(wanted);
        Set<String> got = Expectations.codes(actual);
        if (!expected.equals(got)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(got);
            List<String> extra = new ArrayList<>(got);
            extra.removeAll(expected);
            out.add(path + ": expected the codes " + expected + ", got " + got + (missing.isEmpty() ? ""
                    : "; missing " + missing) + (extra.isEmpty() ? "" : "; not expected " + extra));
        }
    }

    /** The element of the list with the same code (and subject), when the expected element names one. */
    static JsonNode sameKey(JsonNode element, JsonNode actual) {
        if (!element.isObject() || !element.hasNonNull("code")) {
            return null;
        }
        String key = Expectations.key(element);
        String code = element.get("code").asText();
        for (JsonNode candidate : actual) {
            if (candidate.isObject() && (Expectations.key(candidate).equals(key)
                    || (!element.has("subject") && code.equals(candidate.path("code").asText())))) {
                return candidate;
            }
        }
        return null;
    }

    static boolean anyMatches(JsonNode element, JsonNode actual) {
        for (JsonNode candidate : actual) {
            if (Expectations.matches(element, candidate)) {
                return true;
            }
        }
        return false;
    }
}
