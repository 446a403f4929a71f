package io.posunbind.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Where each value of a JSON text is: its first and past-the-last character, and its members or elements. Lets a
 * value be replaced in the text without touching anything around it, so a rewritten scenario file keeps its
 * layout and {@code git diff} shows only the values that changed.
 */
final class JsonSpans {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** One value's place in the text. */
    record Span(int start, int end, Map<String, Span> fields, List<Span> items) {
        Span field(String name) {
            return fields == null ? null : fields.get(name);
        }
    }

    private JsonSpans() {
    }

    static Span parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            return value(parser, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Span value(JsonParser parser, String text) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Span> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, value(parser, text));
            }
            return new Span(start, (int) parser.currentTokenLocation().getCharOffset() + 1, fields, null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Span> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(parser, text));
            }
            return new Span(start, (int) parser.currentTokenLocation().getCharOffset() + 1, null, items);
        }
        if (token == JsonToken.VALUE_STRING) {
            return new Span(start, endOfString(text, start), null, null);
        }
        return new Span(start, start + parser.getText().length(), null, null);
    }

    private static int endOfString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return text.length();
    }
}
