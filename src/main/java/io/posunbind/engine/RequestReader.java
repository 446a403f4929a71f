package io.posunbind.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object of a request, knowing the object's path, and records every problem in a
 * shared {@link FieldErrors} instead of stopping at the first.
 * <ul>
 * <li>Opening an object rejects the fields it does not list as allowed, naming them and the allowed ones.</li>
 * <li>A required field that is missing or {@code null} is an error; an optional one given as {@code null} is
 * treated as absent.</li>
 * <li>A read that fails answers a placeholder ({@code null}, {@code false}, {@code 0}). Placeholders never reach
 * the rules: the parser throws once reading is done if any error was recorded.</li>
 * <li>Inside a required object that is itself missing or not an object, reads answer placeholders silently: the
 * object's own error says it all.</li>
 * </ul>
 */
final class RequestReader {
    private static final int NAME_ECHO_MAX = 64;

    private final JsonNode node;
    private final String path;
    private final FieldErrors errors;
    private final FieldValues values;

    private RequestReader(JsonNode node, String path, FieldErrors errors, List<String> allowed) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        this.values = new FieldValues(errors);
        if (node != null) {
            rejectUnknownFields(allowed);
        }
    }

    /** The body's reader; a body that is not an object is refused at once with the path "". */
    static RequestReader root(JsonNode body, FieldErrors errors, List<String> allowed) {
        if (body == null || !body.isObject()) {
            errors.add("", "the request body must be a JSON object");
            errors.throwIfAny();
        }
        return new RequestReader(body, "", errors, allowed);
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** True when the field is present and not {@code null}. */
    boolean has(String name) {
        return node != null && node.hasNonNull(name);
    }

    RequestReader requiredObject(String name, List<String> allowed) {
        return object(required(name), name, allowed);
    }

    /** The object's reader, or null when it is absent, {@code null} or (with an error) not an object. */
    RequestReader optionalObject(String name, List<String> allowed) {
        JsonNode value = optional(name);
        RequestReader reader = value == null ? null : object(value, name, allowed);
        return reader == null || reader.node == null ? null : reader;
    }

    String requiredText(String name, int maxLength) {
        JsonNode value = required(name);
        return value == null ? null : values.text(value, pathOf(name), maxLength, false);
    }

    /** An optional string; when given it may be blank (a calling system's empty field), but not too long. */
    String optionalText(String name, int maxLength) {
        JsonNode value = optional(name);
        return value == null ? null : values.text(value, pathOf(name), maxLength, true);
    }

    boolean requiredBoolean(String name) {
        JsonNode value = required(name);
        return value != null && Boolean.TRUE.equals(values.bool(value, pathOf(name)));
    }

    <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        JsonNode value = required(name);
        return value == null ? null : values.enumValue(value, pathOf(name), type);
    }

    /**
     * An optional array of enum values, absent meaning empty. Each value may be listed once: a repeated value is
     * refused, naming where it first appeared, so the recorded request and the facts the rules saw match one to
     * one. An array longer than the enum has values is refused as a whole, without a message per entry.
     */
    <E extends Enum<E>> Set<E> enumSet(String name, Class<E> type) {
        JsonNode array = optional(name);
        Set<E> set = EnumSet.noneOf(type);
        if (array == null) {
            return set;
        }
        String arrayPath = pathOf(name);
        int possible = type.getEnumConstants().length;
        if (!array.isArray()) {
            errors.add(arrayPath, "must be a JSON array");
        } else if (array.size() > possible) {
            errors.add(arrayPath, "must list each value at most once, so at most " + possible + " entries; "
                    + array.size() + " given");
        } else {
            Map<E, Integer> firstAt = new EnumMap<>(type);
            for (int i = 0; i < array.size(); i++) {
                E value = values.enumValue(array.get(i), arrayPath + "[" + i + "]", type);
                Integer earlier = value == null ? null : firstAt.putIfAbsent(value, i);
                if (earlier != null) {
                    errors.add(arrayPath + "[" + i + "]", value + " is listed twice (first at " + arrayPath + "["
                            + earlier + "]); list each value once");
                }
            }
            set.addAll(firstAt.keySet());
        }
        return set;
    }

    /** A required amount, non-negative, see {@link FieldValues#amount}. */
    BigDecimal requiredAmount(String name) {
        JsonNode value = required(name);
        return value == null ? null : values.amount(value, pathOf(name), false);
    }

    BigDecimal optionalAmount(String name) {
        JsonNode value = optional(name);
        return value == null ? null : values.amount(value, pathOf(name), false);
    }

    /** A required amount that may be negative (a balance the merchant owes). */
    BigDecimal requiredSignedAmount(String name) {
        JsonNode value = required(name);
        return value == null ? null : values.amount(value, pathOf(name), true);
    }

    BigDecimal requiredPercent(String name) {
        JsonNode value = required(name);
        return value == null ? null : values.percent(value, pathOf(name));
    }

    int requiredInteger(String name, int min, int max) {
        JsonNode value = required(name);
        Integer number = value == null ? null : values.integer(value, pathOf(name), min, max);
        return number == null ? 0 : number;
    }

    /** A required non-negative count up to {@link RequestLimits#COUNT_MAX}. */
    int requiredCount(String name) {
        return requiredInteger(name, 0, RequestLimits.COUNT_MAX);
    }

    LocalDate requiredDate(String name) {
        JsonNode value = required(name);
        return value == null ? null : values.date(value, pathOf(name));
    }

    LocalDate optionalDate(String name) {
        JsonNode value = optional(name);
        return value == null ? null : values.date(value, pathOf(name));
    }

    /** Records an error about a field of this object that the reader's own checks cannot see. */
    void error(String name, String message) {
        errors.add(pathOf(name), message);
    }

    private RequestReader object(JsonNode value, String name, List<String> allowed) {
        if (value != null && !value.isObject()) {
            errors.add(pathOf(name), "must be a JSON object");
            value = null;
        }
        return new RequestReader(value, pathOf(name), errors, allowed);
    }

    private JsonNode required(String name) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            errors.add(pathOf(name), value == null ? "is required" : "is required and must not be null");
            return null;
        }
        return value;
    }

    private JsonNode optional(String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private void rejectUnknownFields(List<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String shown = name.length() > NAME_ECHO_MAX ? name.substring(0, NAME_ECHO_MAX) + "..." : name;
                errors.add(pathOf(shown), "is not a field of this object; allowed: " + String.join(", ", allowed));
            }
        }
    }
}
