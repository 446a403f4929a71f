package io.posunbind.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Checks an audit export ({@link ExportFormat}) with no database and no trust in whoever made it, only in the
 * verifier key given: every record's hash recomputed from its recorded bytes, the readable request and answer
 * against those bytes, each chain's links, the order of the lines, the tree root recomputed from the records and the
 * node lines against the signed checkpoint, and the signatures. Every problem is named with its line.
 */
public final class ExportVerifier {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** One thing wrong with the export. */
    public record Problem(long line, String kind, String decisionId, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + kind + (decisionId == null ? "" : " (decision " + decisionId + ")")
                    + ": " + message;
        }
    }

    /** What checking the export found. */
    public record Report(long lines, long decisions, long nodes, long treeSize, String rootHash, long covered,
                         long notCovered, long archives, List<Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private record ChainPlace(long sequence, String hash, long line) {
    }

    private record Key(String recordedAt, String writerId, long sequence) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = recordedAt.compareTo(o.recordedAt);
            if (c == 0) {
                c = writerId.compareTo(o.writerId);
            }
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private final List<SignedNote.Verifier> trusted;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Long, byte[]> leaves = new HashMap<>();
    private final Map<Long, String> leafOwners = new HashMap<>();
    private final Map<Long, Map<Long, byte[]>> nodes = new HashMap<>();
    private final Map<String, ChainPlace> chains = new HashMap<>();
    private final List<Long> missing = new ArrayList<>();
    private long lineNumber;
    private long decisions;
    private long nodeCount;
    private long archives;
    private Key lastKey;
    private long lastKeyLine;
    private JsonNode header;
    private String checkpointNote;
    private long checkpointLine;
    private JsonNode end;
    private long endLine;
    private final List<JsonNode> archiveLines = new ArrayList<>();

    private ExportVerifier(List<SignedNote.Verifier> trusted) {
        this.trusted = trusted;
    }

    /**
     * Checks the export read from {@code in} against the trusted verifier keys: JSON Lines as the export streams
     * them, or a case file's bundle, one JSON document {@code {"export": [line, ...]}}.
     */
    public static Report verify(BufferedReader in, List<SignedNote.Verifier> trusted) throws IOException {
        ExportVerifier v = new ExportVerifier(trusted);
        in.mark(1 << 16);
        String first = in.readLine();
        if (first != null && bundle(first)) {
            in.reset();
            JsonNode document = JSON.readTree(in);
            for (JsonNode line : document.path("export")) {
                v.line(JSON.writeValueAsString(line));
            }
            return v.finish();
        }
        for (String line = first; line != null; line = in.readLine()) {
            v.line(line);
        }
        return v.finish();
    }

    /** A first line that is not a whole export line, or whose export is an array, starts a bundle document. */
    private static boolean bundle(String first) {
        try {
            JsonNode line = JSON.readTree(first);
            return line == null || line.path("export").isArray();
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private void line(String text) {
        lineNumber++;
        if (end != null) {
            problem("after-end", null, "a line follows the end line (line " + endLine + "): lines were added");
        }
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problem("unreadable", null, "not a JSON object: " + e.getOriginalMessage());
            return;
        }
        if (line == null || !line.isObject()) {
            problem("unreadable", null, "not a JSON object");
        } else if (line.has("export")) {
            if (lineNumber != 1 || header != null) {
                problem("misplaced", null, "the export's header comes first, once");
            }
            header = line.get("export");
            if (!ExportFormat.FORMAT.equals(header.path("format").asText())) {
                problem("format", null, "the format is " + header.path("format").asText() + ", not "
                        + ExportFormat.FORMAT);
            }
        } else if (line.has("decisionId")) {
            decision(line);
        } else if (line.has("node")) {
            node(line.get("node"));
        } else if (line.has("checkpoint")) {
            if (checkpointNote != null) {
                problem("misplaced", null, "a second checkpoint line (the first is line " + checkpointLine + ")");
            }
            checkpointNote = line.get("checkpoint").asText();
            checkpointLine = lineNumber;
        } else if (line.has("archive")) {
            archiveLines.add(line.get("archive"));
            archives++;
        } else if (line.has("end")) {
            end = line.get("end");
            endLine = lineNumber;
        } else {
            problem("unreadable", null, "not a line of an audit export: it has none of export, decisionId, node, "
                    + "checkpoint, archive, end");
        }
        if (header == null && lineNumber == 1) {
            problem("misplaced", null, "the export's first line is its header ({\"export\": ...})");
        }
    }

    private void decision(JsonNode line) {
        decisions++;
        String id = line.path("decisionId").asText();
        ExportFormat.Recorded recorded;
        DecisionRecord record;
        try {
            recorded = JSON.treeToValue(line.get("recorded"), ExportFormat.Recorded.class);
            record = recorded.record();
        } catch (JsonProcessingException | RuntimeException e) {
            problem("unreadable", id, "its recorded columns cannot be read: " + e.getMessage());
            return;
        }
        String hash = RecordHash.of(record);
        boolean intact = hash.equals(recorded.recordHash());
        if (!intact) {
            String[] column = ChainWalk.disagreeingColumn(record);
            problem(column == null ? ChainWalk.ALTERED : ChainWalk.SUMMARY_COLUMN, id, column == null
                    ? "its recorded columns hash to " + hash + ", not to its record hash " + recorded.recordHash()
                    : "its recorded " + column[0] + " says " + column[1] + ", its recorded " + column[2] + " says "
                            + column[3] + ": the record does not match its hash");
        }
        if (!id.equals(recorded.decisionId())) {
            problem(ChainWalk.ALTERED, id, "its decisionId is not the recorded one, " + recorded.decisionId());
        }
        readable(line, record, id, intact);
        Key key = new Key(recorded.recordedAt(), recorded.writerId(), recorded.sequence());
        if (lastKey != null && key.compareTo(lastKey) <= 0) {
            problem(ChainWalk.REORDERED, id, "it comes after line " + lastKeyLine + " but was recorded before it "
                    + "(the export is ordered by recordedAt, writer and sequence): lines were moved");
        }
        lastKey = key;
        lastKeyLine = lineNumber;
        chain(recorded, id);
        JsonNode leafIndex = line.get("leafIndex");
        if (leafIndex != null && !leafIndex.isNull()) {
            long index = leafIndex.asLong();
            byte[] leaf = Merkle.leafHashOfRecord(intact ? recorded.recordHash() : hash);
            if (leaves.put(index, leaf) != null) {
                problem("duplicate", id, "leaf " + index + " is also decision " + leafOwners.get(index) + "'s");
            }
            leafOwners.put(index, id);
        }
    }

    /** The readable fields must be what the recorded bytes and columns give. */
    private void readable(JsonNode line, DecisionRecord record, String id, boolean intact) {
        JsonNode expected;
        try {
            // as the export wrote it: through text, so the raw request and answer are parsed as JSON
            expected = JSON.readTree(JSON.writeValueAsString(RecordView.of(record)));
        } catch (JsonProcessingException | RuntimeException e) {
            problem(ChainWalk.ALTERED, id, "its recorded bytes are not JSON: " + e.getMessage());
            return;
        }
        Iterator<String> fields = expected.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (field.equals("integrity")) {
                continue;
            }
            if (!Objects.equals(expected.get(field), line.get(field))) {
                problem(ChainWalk.ALTERED, id, "its " + field + " is not what its recorded bytes and columns say: "
                        + (intact ? "the readable copy was changed"
                        : "the recorded bytes were changed (they no longer match the record hash)"));
            }
        }
    }

    private void chain(ExportFormat.Recorded r, String id) {
        ChainPlace before = chains.get(r.writerId());
        if (before != null) {
            if (r.sequence() == before.sequence() + 1) {
                if (!r.previousHash().equals(before.hash())) {
                    problem(ChainWalk.INSERTED, id, "its previous hash is not the hash of sequence " + before.sequence()
                            + " of writer " + r.writerId() + " (line " + before.line() + "): a record was inserted or "
                            + "the chain rewritten");
                }
            } else if (r.sequence() > before.sequence() + 1) {
                gaps.add(new Gap(r.writerId(), before.sequence() + 1, r.sequence() - 1, lineNumber, id,
                        before.line()));
            } else if (r.sequence() < before.sequence()) {
                fill(r.writerId(), r.sequence()); // a line moved down: not missing, reported as reordered
            }
        }
        if (before == null || r.sequence() > before.sequence()) {
            chains.put(r.writerId(), new ChainPlace(r.sequence(), r.recordHash(), lineNumber));
        }
    }

    /** Sequences missing from a writer's chain where it was read, [from, to]; a line found later fills its place. */
    private record Gap(String writerId, long from, long to, long line, String decisionId, long lineBefore) {
    }

    private final List<Gap> gaps = new ArrayList<>();

    private void fill(String writerId, long sequence) {
        for (int i = 0; i < gaps.size(); i++) {
            Gap g = gaps.get(i);
            if (g.writerId().equals(writerId) && g.from() <= sequence && sequence <= g.to()) {
                gaps.remove(i);
                if (sequence < g.to()) {
                    gaps.add(i, new Gap(writerId, sequence + 1, g.to(), g.line(), g.decisionId(), g.lineBefore()));
                }
                if (g.from() < sequence) {
                    gaps.add(i, new Gap(writerId, g.from(), sequence - 1, g.line(), g.decisionId(), g.lineBefore()));
                }
                return;
            }
        }
    }

    /** The gaps no later line filled: records missing from the export. */
    private void reportGaps() {
        for (Gap g : gaps) {
            long missing = g.to() - g.from() + 1;
            problems.add(new Problem(g.line(), ChainWalk.DELETED, g.decisionId(), "writer " + g.writerId()
                    + (missing == 1 ? " lacks sequence " + g.from() : " lacks sequences " + g.from() + " to " + g.to())
                    + " before this line (the line before it in the chain is line " + g.lineBefore() + "): "
                    + missing + " record(s) are missing from the export"));
        }
    }

    private void node(JsonNode node) {
        nodeCount++;
        long start = node.path("start").asLong(-1);
        long endAt = node.path("end").asLong(-1);
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(node.path("hash").asText());
        } catch (IllegalArgumentException e) {
            problem("unreadable", null, "a node's hash is not hex");
            return;
        }
        if (start < 0 || endAt <= start || hash.length != 32) {
            problem("unreadable", null, "a node is a range [start, end) and a 32-byte hash");
            return;
        }
        nodes.computeIfAbsent(start, s -> new HashMap<>()).put(endAt, hash);
    }

    private Report finish() {
        reportGaps();
        if (header == null) {
            problem("cut", null, "the export has no header line");
        }
        if (end == null) {
            problem("cut", null, "the export has no end line: it was cut off, or its last line removed");
        } else {
            if (end.path("decisions").asLong(-1) != decisions) {
                problem("cut", null, "the end line counts " + end.path("decisions").asLong() + " decisions, the "
                        + "export holds " + decisions + ": decision lines were removed or added");
            }
            if (end.path("nodes").asLong(-1) != nodeCount) {
                problem("cut", null, "the end line counts " + end.path("nodes").asLong() + " node lines, the export "
                        + "holds " + nodeCount);
            }
        }
        long size = -1;
        String rootHex = null;
        long covered = 0;
        if (checkpointNote == null) {
            problem("checkpoint", null, "the export holds no checkpoint line");
        } else {
            lineNumber = checkpointLine;
            Checkpoint checkpoint = opened(checkpointNote, "the checkpoint");
            if (checkpoint != null) {
                size = checkpoint.size();
                rootHex = HexFormat.of().formatHex(checkpoint.root());
                if (header != null && header.path("treeSize").asLong(-1) != size) {
                    problem("checkpoint", null, "the header's treeSize " + header.path("treeSize").asLong()
                            + " is not the checkpoint's " + size);
                }
                byte[] root = size == 0 ? Merkle.emptyRoot() : hash(0, size);
                if (!missing.isEmpty()) {
                    problem(ChainWalk.DELETED, null, missing.size() + " leaf/leaves of the tree are in no line, "
                            + "first leaf " + missing.get(0) + ": their decision lines were removed");
                } else if (!Arrays.equals(root, checkpoint.root())) {
                    problem("tree", null, "the records and nodes of the export hash to the root "
                            + HexFormat.of().formatHex(root) + ", not to the signed root " + rootHex + ": a record, "
                            + "its leafIndex or a node was changed");
                }
                for (long index : leaves.keySet()) {
                    if (index < size) {
                        covered++;
                    }
                }
            }
        }
        for (JsonNode archive : archiveLines) {
            Checkpoint note = opened(archive.path("signedNote").asText(), "archive " + archive.path("archiveId"));
            if (note != null && !note.extensions().contains(archivalExtension(archive))) {
                problem("archive", null, "archive " + archive.path("archiveId") + "'s signed note does not say what "
                        + "its line says was purged");
            }
        }
        return new Report(endLine == 0 ? lineNumber : Math.max(endLine, lineNumber), decisions, nodeCount, size,
                rootHex, covered, decisions - covered, archives, List.copyOf(problems));
    }

    /** The archive's extension line, as {@link TransparencyLog} signs it into the archival checkpoint. */
    static String archivalExtension(long archiveId, long purgedCount, String purgedRoot, String recordedBefore) {
        return "archive " + archiveId + " purged " + purgedCount + " recorded-before " + recordedBefore + " root "
                + purgedRoot;
    }

    private static String archivalExtension(JsonNode archive) {
        return archivalExtension(archive.path("archiveId").asLong(), archive.path("purgedCount").asLong(),
                archive.path("purgedRoot").asText(), archive.path("recordedBefore").asText());
    }

    private Checkpoint opened(String note, String what) {
        try {
            SignedNote.Opened opened = SignedNote.open(note, trusted);
            if (opened.signedBy().isEmpty()) {
                problem("signature", null, what + " is not signed by the key given (signed by "
                        + String.join(", ", opened.signers()) + "): it was altered, or made with another key");
                return null;
            }
            return Checkpoint.parse(opened.text());
        } catch (IllegalArgumentException e) {
            problem("signature", null, what + " is not a signed checkpoint: " + e.getMessage());
            return null;
        }
    }

    /** MTH over [start, end) from the node lines and the exported leaves; notes leaves found nowhere. */
    private byte[] hash(long start, long endAt) {
        Map<Long, byte[]> from = nodes.get(start);
        if (from != null && from.containsKey(endAt)) {
            return from.get(endAt);
        }
        if (endAt - start == 1) {
            byte[] leaf = leaves.get(start);
            if (leaf == null) {
                missing.add(start);
                return new byte[32];
            }
            return leaf;
        }
        long k = Merkle.split(endAt - start);
        return Merkle.nodeHash(hash(start, start + k), hash(start + k, endAt));
    }

    private void problem(String kind, String decisionId, String message) {
        problems.add(new Problem(lineNumber, kind, decisionId, message));
    }
}
