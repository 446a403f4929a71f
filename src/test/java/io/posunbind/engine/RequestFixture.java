package io.posunbind.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A valid decision request (the request of worked example 01) that a test edits by dotted path, so each test shows
 * only the field it breaks: {@code valid().set("contract.termMonths", "1.5")}.
 */
final class RequestFixture {
    private final ObjectNode body;

    private RequestFixture(ObjectNode body) {
        this.body = body;
    }

    static RequestFixture valid() {
        try (InputStream in = RequestFixture.class.getResourceAsStream(
                "/decision-requests/switch-provider-deposit-refund.json")) {
            return new RequestFixture((ObjectNode) RequestJson.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the field or array entry at the path to the given JSON text ({@code "\"3\""} is the string 3). */
    RequestFixture set(String path, String json) {
        JsonNode value = RequestJson.read("{\"v\": " + json + "}").get("v");
        JsonNode parent = parentOf(path);
        String last = lastSegment(path);
        if (parent instanceof ArrayNode array) {
            array.set(index(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return this;
    }

    RequestFixture remove(String path) {
        ((ObjectNode) parentOf(path)).remove(lastSegment(path));
        return this;
    }

    JsonNode body() {
        return body;
    }

    private JsonNode parentOf(String path) {
        JsonNode node = body;
        String[] segments = segments(path);
        for (int i = 0; i < segments.length - 1; i++) {
            node = segments[i].startsWith("[") ? node.get(index(segments[i])) : node.get(segments[i]);
        }
        return node;
    }

    private static String lastSegment(String path) {
        String[] segments = segments(path);
        return segments[segments.length - 1];
    }

    /** {@code merchant.riskFlags[1]} becomes {@code merchant}, {@code riskFlags}, {@code [1]}. */
    private static String[] segments(String path) {
        return path.replace("[", ".[").split("\\.");
    }

    private static int index(String segment) {
        return Integer.parseInt(segment.substring(1, segment.length() - 1));
    }
}
