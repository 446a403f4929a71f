package io.posunbind.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares a recorded answer with a replayed one field by field. Lists compare by their natural keys, so an added
 * fee is one difference rather than a shifted list: findings by code and subject, steps, fees, refunds and holds by
 * code, fired rules by name. The decision's identity (id, time) and the rule-set version are not compared: replay
 * reports the version it used on its own.
 * <p>
 * Only the fields the recorded answer has are compared: a field the service added to its answers after the record
 * was made (the rule and regulation of every line, the language) is left out of the replayed answer, as the record
 * could not have it. Within one build every answer has the same fields, so this leaves nothing out there.
 */
final class AnswerDiff {
    private static final Set<String> NOT_COMPARED = Set.of("decisionId", "evaluatedAt", "rulesetVersion");
    private static final Map<String, Function<JsonNode, String>> KEYED_LISTS = Map.of(
            "findings", f -> f.path("code").asText() + (f.path("subject").isTextual()
                    ? "/" + f.path("subject").asText() : ""),
            "steps", s -> s.path("code").asText(),
            "fees", f -> f.path("code").asText(),
            "refunds", r -> r.path("code").asText(),
            "holds", h -> h.path("code").asText(),
            "firedRules", JsonNode::asText);
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private AnswerDiff() {
    }

    static List<Difference> between(byte[] original, byte[] replayed) {
        return between(tree(original), tree(replayed));
    }

    static List<Difference> between(JsonNode original, JsonNode replayed) {
        replayed = inShapeOf(original, replayed);
        List<Difference> differences = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        original.fieldNames().forEachRemaining(fields::add);
        replayed.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (NOT_COMPARED.contains(field)) {
                continue;
            }
            JsonNode before = original.get(field);
            JsonNode after = replayed.get(field);
            if (KEYED_LISTS.containsKey(field) && isList(before) && isList(after)) {
                int found = differences.size();
                keyedList(field, before, after, KEYED_LISTS.get(field), differences);
                if (differences.size() == found && !before.equals(after)) {
                    // the same elements in another order
                    differences.add(new Difference(field, Difference.CHANGED, before, after));
                }
            } else if ("totals".equals(field) && before != null && after != null && before.isObject()) {
                object(field, before, after, differences);
            } else {
                value(field, before, after, differences);
            }
        }
        return differences;
    }

    private static void keyedList(String field, JsonNode before, JsonNode after, Function<JsonNode, String> key,
                                  List<Difference> differences) {
        Map<String, JsonNode> was = byKey(before, key);
        Map<String, JsonNode> is = byKey(after, key);
        was.forEach((k, old) -> {
            JsonNode now = is.get(k);
            if (now == null) {
                differences.add(new Difference(field + "[" + k + "]", Difference.REMOVED, old, null));
            } else if (!now.equals(old)) {
                differences.add(new Difference(field + "[" + k + "]", Difference.CHANGED, old, now));
            }
        });
        is.forEach((k, now) -> {
            if (!was.containsKey(k)) {
                differences.add(new Difference(field + "[" + k + "]", Difference.ADDED, null, now));
            }
        });
    }

    private static void object(String field, JsonNode before, JsonNode after, List<Difference> differences) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        names.forEach(name -> value(field + "." + name, before.get(name), after.get(name), differences));
    }

    private static void value(String field, JsonNode before, JsonNode after, List<Difference> differences) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            differences.add(new Difference(field, Difference.ADDED, null, after));
        } else if (after == null) {
            differences.add(new Difference(field, Difference.REMOVED, before, null));
        } else if (!before.equals(after)) {
            differences.add(new Difference(field, Difference.CHANGED, before, after));
        }
    }

    /**
     * The replayed answer with only the fields the recorded one has: at the top, and in the elements of each list,
     * the fields of the recorded list's elements (a list the record has empty tells nothing, so it is kept whole).
     */
    private static JsonNode inShapeOf(JsonNode original, JsonNode replayed) {
        if (!original.isObject() || !replayed.isObject() || sameShape(original, replayed)) {
            return replayed;
        }
        ObjectNode shaped = replayed.deepCopy();
        shaped.retain(fieldNames(original));
        shaped.fields().forEachRemaining(field -> {
            JsonNode recorded = original.get(field.getKey());
            if (recorded != null && recorded.isArray() && !recorded.isEmpty() && recorded.get(0).isObject()
                    && field.getValue().isArray()) {
                Set<String> elementFields = fieldNames(recorded.get(0));
                field.getValue().forEach(element -> {
                    if (element.isObject()) {
                        ((ObjectNode) element).retain(elementFields);
                    }
                });
            }
        });
        return shaped;
    }

    /**
     * True when the replayed answer has no field the original lacks, at the top or in the first element of a list of
     * objects: answers of one build (a backtest's two) always, so they are compared without a copy.
     */
    private static boolean sameShape(JsonNode original, JsonNode replayed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = replayed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode recorded = original.get(field.getKey());
            if (recorded == null) {
                return false;
            }
            if (recorded.isArray() && !recorded.isEmpty() && recorded.get(0).isObject() && field.getValue().isArray()) {
                Set<String> elementFields = fieldNames(recorded.get(0));
                for (JsonNode element : field.getValue()) {
                    if (element.isObject()) {
                        for (Iterator<String> names = element.fieldNames(); names.hasNext(); ) {
                            if (!elementFields.contains(names.next())) {
                                return false;
                            }
                        }
                    }
                }
            }
        }
        return true;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Elements by key; a key met again gets #2, #3... so two fees of one code both take part. */
    private static Map<String, JsonNode> byKey(JsonNode list, Function<JsonNode, String> key) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            String k = key.apply(element);
            String unique = k;
            for (int n = 2; byKey.containsKey(unique); n++) {
                unique = k + "#" + n;
            }
            byKey.put(unique, element);
        }
        return byKey;
    }

    private static boolean isList(JsonNode node) {
        return node != null && node.isArray();
    }

    static JsonNode tree(byte[] json) {
        try {
            return EXACT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
