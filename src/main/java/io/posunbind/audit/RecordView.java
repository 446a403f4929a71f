package io.posunbind.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.posunbind.engine.RequestJson;

/**
 * A recorded decision as auditors read it (GET /api/v1/decisions/{id}, one line of the export): the request and
 * the answer as they were received and sent, token for token (whitespace between tokens removed, so a record is
 * one line), the record's place in its hash chain, and whether it still matches its hash ({@link RecordIntegrity}).
 * The exact bytes stay in the store, where verify checks them.
 */
public record RecordView(String decisionId, Instant recordedAt, String requestedBy, LocalDate asOf,
                         String rulesetVersion, String idempotencyKey, @JsonRawValue String request,
                         @JsonRawValue String answer, Chain chain, RecordIntegrity integrity) {

    /** The record's place in its writer's hash chain. */
    public record Chain(String writerId, long sequence, String previousHash, String hash) {
    }

    static RecordView of(DecisionRecord r) {
        return new RecordView(r.decisionId(), r.recordedAt(), r.requestedBy(), r.asOf(), r.rulesetVersion(),
                r.idempotencyKey(), json(r.requestBody()), json(r.answerBody()),
                new Chain(r.writerId(), r.sequence(), r.previousHash(), r.hash()), RecordIntegrity.of(r));
    }

    /**
     * The recorded bytes as one line of JSON text: the same tokens when they are UTF-8 (as JSON on the wire must
     * be) and start with the value itself; otherwise (a byte-order mark, another encoding) the parsed value.
     */
    private static String json(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            String start = text.stripLeading();
            if (start.startsWith("{") || start.startsWith("[")) {
                return withoutWhitespace(text);
            }
        } catch (CharacterCodingException e) {
            // not UTF-8: fall through to the parsed value
        }
        return RequestJson.read(bytes).toString();
    }

    /** Drops the whitespace between JSON tokens; strings (which cannot hold a raw line break) are kept as they are. */
    static String withoutWhitespace(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
