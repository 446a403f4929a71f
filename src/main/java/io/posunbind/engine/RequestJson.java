package io.posunbind.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.posunbind.errors.MalformedJsonException;

/**
 * Reads request bodies as exact JSON trees: decimals stay as written (so "more than 2 decimals" can be seen),
 * duplicate keys are refused, nesting is bounded.
 */
public final class RequestJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxNumberLength(40).maxStringLength(100_000).build());
    }

    private RequestJson() {
    }

    /** Parses the body, or throws {@link MalformedJsonException} saying where the JSON breaks. */
    public static JsonNode read(byte[] body) {
        String text = utf8(body);
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("The request body is empty; a JSON object is expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedJsonException("The request body is not valid JSON" + where + ": "
                    + plainWords(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedJsonException("The request body cannot be read");
        }
    }

    /**
     * The body as text, if it is well-formed UTF-8 (RFC 8259). Checked here because the JSON parser lets some
     * ill-formed sequences through (overlong forms, encoded surrogates), which must never reach a record.
     */
    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedJsonException("The request body is not valid UTF-8 at byte " + (in.position() + 1));
        }
        out.flip();
        // A byte-order mark may lead UTF-8 JSON; it is not part of the text.
        return out.length() > 0 && out.charAt(0) == '\uFEFF' ? out.subSequence(1, out.length()).toString()
                : out.toString();
    }

    /** The parser's message without its Java names (types, features, constraint getters). */
    static String plainWords(String message) {
        if (message == null) {
            return "it breaks here";
        }
        String plain = message.replaceAll("\\s*\\(bound as `[^`]*`\\)", "")
                .replaceAll(",? from `[^`]*`", "")
                .replaceAll(":? not allowed as per `[^`]*`", "")
                .replaceFirst("^Trailing token \\(of type [A-Z_]+\\) found after value", "more follows the JSON value");
        return plain.contains("`") || plain.contains("com.") || plain.contains("java.") ? "it breaks here" : plain;
    }

    /** Parses JSON text that the service itself stores or ships (scenarios, recorded requests). */
    public static JsonNode read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }
}
