package io.posunbind.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a JSON value the way the scenario files are written by hand: on one line when it fits in
 * {@value #WIDTH} columns, else one member or element per line, two spaces deeper than the line it starts on.
 * Decimals are written with two places at least (60.00), as amounts are.
 */
final class JsonLayout {
    static final int WIDTH = 116;

    private JsonLayout() {
    }

    /** The value starting at column {@code start} (0-based) of a line indented by {@code indent} spaces. */
    static String render(JsonNode value, int indent, int start) {
        String flat = flat(value);
        if (start + flat.length() <= WIDTH || !value.isContainerNode() || value.isEmpty()) {
            return flat;
        }
        String pad = " ".repeat(indent);
        List<String> lines = new ArrayList<>();
        if (value.isArray()) {
            boolean scalars = true;
            for (JsonNode item : value) {
                scalars &= !item.isContainerNode();
            }
            if (scalars) {
                StringBuilder line = new StringBuilder();
                for (JsonNode item : value) {
                    String text = flat(item);
                    if (line.length() > 0 && indent + 2 + line.length() + 2 + text.length() + 1 > WIDTH) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(line.length() > 0 ? ", " : "").append(text);
                }
                lines.add(line.toString());
            } else {
                for (JsonNode item : value) {
                    lines.add(render(item, indent + 2, indent + 2));
                }
            }
            return "[\n" + join(lines, pad) + "\n" + pad + "]";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = quote(field.getKey()) + ": ";
            lines.add(key + render(field.getValue(), indent + 2, indent + 2 + key.length()));
        }
        return "{\n" + join(lines, pad) + "\n" + pad + "}";
    }

    /** The value on one line, with a space after each colon and comma. */
    static String flat(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(flat(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> items = new ArrayList<>();
            value.fields().forEachRemaining(f -> items.add(quote(f.getKey()) + ": " + flat(f.getValue())));
            return "{" + String.join(", ", items) + "}";
        }
        if (value.isBigDecimal() || value.isDouble()) {
            // the answer's amounts come without trailing zeros; scenario files write them as the answer means them
            BigDecimal amount = value.decimalValue().stripTrailingZeros();
            return amount.setScale(Math.max(2, amount.scale())).toPlainString();
        }
        return value.toString();
    }

    private static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    private static String join(List<String> lines, String pad) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (out.length() > 0) {
                out.append(",\n");
            }
            out.append(pad).append("  ").append(line);
        }
        return out.toString();
    }
}
