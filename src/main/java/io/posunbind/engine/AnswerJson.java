package io.posunbind.engine;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one way an answer becomes bytes: the HTTP response, the audit record and a replay all use it, so the same
 * answer always has the same bytes (record field order, plain decimals, ISO dates).
 */
public final class AnswerJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private AnswerJson() {
    }

    public static byte[] bytes(DecisionAnswer answer) {
        try {
            return MAPPER.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(DecisionAnswer answer) {
        return MAPPER.valueToTree(answer);
    }

    public static DecisionAnswer read(byte[] json) {
        try {
            return MAPPER.readValue(json, DecisionAnswer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
