package io.posunbind.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.RequestJson;

/**
 * A deterministic corpus of decision bodies that must all be refused: each starts from the contract's example
 * request and breaks it one way (or is not a request at all). Same seed, same corpus.
 */
final class BadBodies {
    /** One bad body and the kind of damage, for the report. */
    record Body(String kind, byte[] bytes) {
        String shown() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return kind + ": " + (text.length() > 160 ? text.substring(0, 160) + "..." : text);
        }
    }

    private static final Path REQUEST = Path.of("src/test/resources/audit/request.json");

    private final BadText text;
    private final BadTrees trees;

    BadBodies(long seed) {
        Random random = new Random(seed);
        try {
            ObjectNode valid = (ObjectNode) RequestJson.read(Files.readString(REQUEST));
            String compact = new ObjectMapper().writeValueAsString(valid);
            this.text = new BadText(random, compact);
            this.trees = new BadTrees(random, valid, compact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole corpus: every kind, in a fixed order, each kind a fixed number of times. */
    List<Body> corpus() {
        List<Body> corpus = new ArrayList<>();
        add(corpus, "truncated", 60, text::truncated);
        add(corpus, "broken-structure", 60, text::brokenStructure);
        add(corpus, "wrong-type", 100, trees::wrongType);
        add(corpus, "missing-required", BadTrees.REQUIRED.size(), trees::missingRequired);
        add(corpus, "bad-value", 50, trees::badValue);
        add(corpus, "bad-number", 40, trees::badNumber);
        add(corpus, "too-long-string", 30, trees::tooLongString);
        add(corpus, "oversized-body", 6, trees::oversizedBody);
        add(corpus, "deeply-nested", 40, text::deeplyNested);
        add(corpus, "unicode-heavy", 80, trees::unicodeHeavy);
        add(corpus, "invalid-utf8", 30, text::invalidUtf8);
        add(corpus, "duplicate-key", 20, text::duplicateKey);
        add(corpus, "unknown-field", 30, trees::unknownField);
        add(corpus, "not-a-request", 20, text::notARequest);
        add(corpus, "too-many-list-entries", 10, trees::tooManyListEntries);
        return corpus;
    }

    private static void add(List<Body> corpus, String kind, int count, Supplier<byte[]> make) {
        for (int i = 0; i < count; i++) {
            corpus.add(new Body(kind, make.get()));
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
