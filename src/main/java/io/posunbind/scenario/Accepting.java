package io.posunbind.scenario;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What a scenario should expect to match a new answer, pinning exactly what it pinned before: the same fields, the
 * same ways of pinning lists. A value that matches is returned as the very same node, so the caller can tell what
 * changed. An element a scenario {@code includes} that the answer no longer has moves to {@code excludes}, and an
 * excluded code the answer now has moves to {@code includes}: the scenario keeps saying something about it.
 */
final class Accepting {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Accepting() {
    }

    static JsonNode accept(JsonNode expected, JsonNode actual) {
        if (Expectations.matches(expected, actual == null ? NullNode.getInstance() : actual)
                || (expected.isNull() && actual == null)) {
            return expected;
        }
        if (expected.isObject() && actual != null && actual.isArray()) {
            return operators((ObjectNode) expected, actual);
        }
        if (expected.isObject() && actual != null && actual.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                out.set(field.getKey(), accept(field.getValue(), actual.get(field.getKey())));
            }
            return out;
        }
        if (expected.isArray() && actual != null && actual.isArray()) {
            return whole(expected, actual);
        }
        return actual == null ? NullNode.getInstance() : actual;
    }

    /** A list written out whole: the answer's elements, each with the fields the scenario wrote. */
    private static JsonNode whole(JsonNode expected, JsonNode actual) {
        ArrayNode out = NODES.arrayNode();
        Set<String> fields = fieldsOf(expected);
        for (JsonNode element : actual) {
            JsonNode before = null;
            for (JsonNode e : expected) {
                if (e.isObject() && element.isObject() && Expectations.key(e).equals(Expectations.key(element))) {
                    before = e;
                }
            }
            out.add(before != null ? accept(before, element)
                    : project(element, fields.isEmpty() ? defaultFields(element) : fields));
        }
        return out;
    }

    private static JsonNode operators(ObjectNode expected, JsonNode actual) {
        ArrayNode includes = NODES.arrayNode();
        ArrayNode excludes = NODES.arrayNode();
        List<JsonNode> gone = new ArrayList<>();
        JsonNode codes = null;
        for (JsonNode element : expected.path("includes")) {
            JsonNode same = ListExpectation.sameKey(element, actual);
            if (same != null) {
                includes.add(accept(element, same));
            } else if (ListExpectation.anyMatches(element, actual)) {
                includes.add(element);
            } else if (element.hasNonNull("code")) {
                gone.add(element.get("code"));
            }
        }
        for (JsonNode element : expected.path("excludes")) {
            JsonNode hit = null;
            for (JsonNode candidate : actual) {
                boolean matches = element.isTextual() ? element.asText().equals(candidate.path("code").asText())
                        : Expectations.matches(element, candidate);
                if (matches && hit == null) {
                    hit = candidate;
                }
            }
            if (hit == null) {
                excludes.add(element);
            } else {
                includes.add(project(hit, includes.isEmpty() ? defaultFields(hit) : fieldsOf(includes)));
            }
        }
        gone.forEach(excludes::add); // after the codes already excluded, so the diff adds to the end
        if (expected.has("codes")) {
            ArrayNode list = NODES.arrayNode();
            Expectations.codes(actual).forEach(list::add);
            codes = Expectations.codes(expected.get("codes")).equals(Expectations.codes(actual))
                    ? expected.get("codes") : list;
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext();) {
            String name = it.next();
            switch (name) {
                case "includes" -> putIfAny(out, name, includes, expected);
                case "excludes" -> putIfAny(out, name, excludes, expected);
                case "codes" -> out.set(name, codes);
                default -> out.set(name, expected.get(name));
            }
        }
        if (!expected.has("includes")) {
            putIfAny(out, "includes", includes, expected);
        }
        if (!expected.has("excludes")) {
            putIfAny(out, "excludes", excludes, expected);
        }
        return out;
    }

    /** The list under its name when it has elements; the original node when nothing in it changed. */
    private static void putIfAny(ObjectNode out, String name, ArrayNode list, ObjectNode expected) {
        JsonNode before = expected.get(name);
        if (before != null && before.equals(list)) {
            out.set(name, before);
        } else if (!list.isEmpty()) {
            out.set(name, list);
        }
    }

    /** The element with only the given fields, in the answer's order. */
    private static JsonNode project(JsonNode element, Set<String> fields) {
        if (!element.isObject()) {
            return element;
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (fields.contains(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out.isEmpty() && element.has("code") ? TextNode.valueOf(element.get("code").asText()) : out;
    }

    private static Set<String> fieldsOf(JsonNode elements) {
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode e : elements) {
            e.fieldNames().forEachRemaining(fields::add);
        }
        return fields;
    }

    /** What a newly pinned element says when the scenario gives no example: the fields that identify it. */
    private static Set<String> defaultFields(JsonNode element) {
        List<String> fields = new ArrayList<>(List.of("code"));
        if (element.has("severity")) {
            fields.addAll(List.of("severity", "subject"));
        } else if (element.has("order")) {
            fields.add(0, "order");
        } else if (element.has("amount")) {
            fields.add("amount");
            if (element.has("releaseAfterDays")) {
                fields.add("releaseAfterDays");
            }
        }
        return new LinkedHashSet<>(fields);
    }
}
