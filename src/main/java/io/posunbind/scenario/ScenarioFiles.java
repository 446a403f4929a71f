package io.posunbind.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.Language;
import io.posunbind.engine.RequestJson;
import io.posunbind.errors.MalformedJsonException;

/**
 * Reads scenario files. Two shapes are accepted:
 * <ul>
 * <li>one scenario: {@code {"request": {...}, "expected": {...}}}, named after the file (the worked examples);</li>
 * <li>many: {@code {"base": {...}, "scenarios": [{"name": "...", "request": {...}, "expected": {...}}]}} where each
 * request is a JSON merge patch (RFC 7396) over the base: fields given replace the base's, {@code null} removes one.</li>
 * </ul>
 * A file or a scenario may say which language it is decided in ({@code "language": "zh-CN"}); English by default.
 */
public final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** Every scenario in the files, in file order; throws {@link ScenarioFormatException} on a malformed file. */
    public static List<Scenario> parse(Map<String, String> files) {
        List<Scenario> scenarios = new ArrayList<>();
        files.forEach((path, text) -> scenarios.addAll(parse(path, text)));
        return scenarios;
    }

    static List<Scenario> parse(String path, String text) {
        JsonNode root;
        try {
            root = RequestJson.read(text);
        } catch (MalformedJsonException e) {
            throw new ScenarioFormatException(path, e.getMessage());
        }
        if (!root.isObject()) {
            throw new ScenarioFormatException(path, "a scenario file holds a JSON object");
        }
        if (!root.has("scenarios")) {
            require(path, root, "request");
            require(path, root, "expected");
            String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
            return List.of(new Scenario(path, name, root.get("request"), root.get("expected"),
                    language(path, root, Language.EN)));
        }
        JsonNode base = root.path("base");
        Language fileLanguage = language(path, root, Language.EN);
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode s : root.get("scenarios")) {
            String where = "scenarios[" + index++ + "]";
            if (!s.hasNonNull("name") || s.get("name").asText().isBlank()) {
                throw new ScenarioFormatException(path, where + " has no name");
            }
            String name = s.get("name").asText();
            if (!names.add(name)) {
                throw new ScenarioFormatException(path, "two scenarios are named \"" + name + "\"");
            }
            require(path, s, "expected");
            JsonNode request = base.isObject() ? merge(base.deepCopy(), s.path("request")) : s.get("request");
            if (request == null || !request.isObject()) {
                throw new ScenarioFormatException(path, "scenario \"" + name + "\" has no request");
            }
            scenarios.add(new Scenario(path, name, request, s.get("expected"), language(path, s, fileLanguage)));
        }
        return scenarios;
    }

    /** JSON merge patch (RFC 7396). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch == null || patch.isMissingNode()) {
            return target;
        }
        if (!patch.isObject() || !target.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = (ObjectNode) target;
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                JsonNode existing = result.get(field.getKey());
                result.set(field.getKey(), existing == null ? field.getValue().deepCopy()
                        : merge(existing, field.getValue()));
            }
        }
        return result;
    }

    /** The {@code language} the node gives ({@code "zh-CN"} or {@code "en"}), else the default. */
    private static Language language(String path, JsonNode node, Language byDefault) {
        JsonNode tag = node.get("language");
        if (tag == null || tag.isNull()) {
            return byDefault;
        }
        return Language.ofTag(tag.asText()).orElseThrow(() -> new ScenarioFormatException(path, "\"language\" is "
                + tag + "; a scenario is decided in \"zh-CN\" or \"en\""));
    }

    private static void require(String path, JsonNode node, String field) {
        if (!node.has(field)) {
            throw new ScenarioFormatException(path, "\"" + field + "\" is missing");
        }
    }
}
