package io.posunbind.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.posunbind.config.UnbindConfig;
import io.posunbind.errors.NotFoundException;
import io.posunbind.storage.Sql;
import io.posunbind.storage.StoreUnavailableException;

/** Reading the decision log: one decision, a filtered page, or everything in a time range as JSON Lines. */
@ApplicationScoped
public class RecordedDecisions {
    private static final ObjectWriter LINE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build()
            .writer();

    private final DecisionRecords records;
    private final TransparencyLog log;
    private final Clock clock;
    private final ZoneId zone;
    private final int fetchSize;

    @Inject
    RecordedDecisions(DecisionRecords records, TransparencyLog log, Clock clock, UnbindConfig config) {
        this(records, log, clock, config.decisions().zone(), config.storage().fetchSize());
    }

    /**
     * @param zone      the zone whose days {@code from} and {@code to} dates mean
     * @param fetchSize rows per round trip while streaming
     */
    RecordedDecisions(DecisionRecords records, TransparencyLog log, Clock clock, ZoneId zone, int fetchSize) {
        this.records = records;
        this.log = log;
        this.clock = clock;
        this.zone = zone;
        this.fetchSize = fetchSize;
    }

    /** The recorded decision itself, its bytes as stored; 404 when none is recorded under the id. */
    public DecisionRecord record(String decisionId) {
        return Sql.call(() -> records.find(decisionId))
                .orElseThrow(() -> new NotFoundException("No decision " + decisionId + " is recorded"));
    }

    public RecordView get(String decisionId) {
        return Sql.call(() -> records.find(decisionId)).map(RecordView::of)
                .orElseThrow(() -> new NotFoundException("No decision " + decisionId + " is recorded"));
    }

    /** Newest first; the parameters are the query's, as given (null when absent). */
    public DecisionPage list(String merchantId, String caseId, String verdict, String from, String to,
                             String rulesetVersion, String limit, String cursor) {
        DecisionFilter filter = QueryParameters.list(merchantId, caseId, verdict, from, to, rulesetVersion, limit,
                cursor, zone);
        // one more than asked for tells whether another page exists, so the last page never comes back empty
        List<DecisionSummary> found = Sql.call(() -> records.page(filter.withLimit(filter.limit() + 1)));
        if (found.size() <= filter.limit()) {
            return new DecisionPage(found, null);
        }
        List<DecisionSummary> items = found.subList(0, filter.limit());
        return new DecisionPage(List.copyOf(items), QueryParameters.cursorAfter(items.get(items.size() - 1)));
    }

    /** Every decision recorded in a time range, to be written out; see {@link #export(String, String)}. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The export of the range: its parameters are checked and a checkpoint of the whole tree is signed now, before
     * anything is streamed, so a bad parameter still gets a 400 and an unreachable store a 503; the records are read
     * while the export is written. The format is {@link ExportFormat}'s.
     */
    public Export export(String from, String to) {
        Instant[] range = QueryParameters.range(from, to, zone);
        TransparencyLog.CheckpointView head = log.checkpointNow();
        return out -> write(new ExportFormat.Header(ExportFormat.FORMAT, log.origin(), log.verifier().encoded(),
                clock.instant(), from, to, head.treeSize()), head,
                handler -> records.forEachRecorded(range[0], range[1], fetchSize, handler), out);
    }

    /** One decision as an export of its own, which verify-export checks like any other (the case file's bundle). */
    public Export bundle(String decisionId) {
        record(decisionId);
        TransparencyLog.CheckpointView head = log.checkpointNow();
        return out -> write(new ExportFormat.Header(ExportFormat.FORMAT, log.origin(), log.verifier().encoded(),
                clock.instant(), null, null, head.treeSize()), head,
                handler -> records.forOne(decisionId, handler), out);
    }

    @FunctionalInterface
    private interface Rows {
        void stream(DecisionRecords.LeafRowHandler handler) throws Exception;
    }

    /**
     * Writes the export while reading it: the database hands over {@code unbind.storage.fetch-size} rows at a time
     * and nothing collects them but one bit per leaf. A database failure after the first line can only break the
     * response off: the end line is then missing, and verify-export says the export is cut.
     */
    private void write(ExportFormat.Header header, TransparencyLog.CheckpointView head, Rows rows, OutputStream out)
            throws IOException {
        long size = head.treeSize();
        BitSet exported = new BitSet();
        long[] counts = new long[2];
        try {
            line(out, new ExportFormat.HeaderLine(header));
            rows.stream((record, leaf) -> {
                line(out, ExportFormat.DecisionLine.of(record, leaf));
                if (leaf != null && leaf < size) {
                    exported.set(Math.toIntExact(leaf));
                }
                counts[0]++;
            });
            cover(exported, 0, size, out, counts);
            line(out, new ExportFormat.CheckpointLine(head.signedNote()));
            for (ExportFormat.Archive archive : log.archives()) {
                line(out, new ExportFormat.ArchiveLine(archive));
            }
            line(out, new ExportFormat.EndLine(new ExportFormat.End(counts[0], counts[1])));
            out.flush();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The export broke off", e);
        }
    }

    /** Node lines for the largest subtrees of [start, end) that hold no exported leaf, split as RFC 9162 splits. */
    private void cover(BitSet exported, long start, long end, OutputStream out, long[] counts) throws IOException {
        if (start >= end) {
            return;
        }
        int next = exported.nextSetBit(Math.toIntExact(start));
        if (next < 0 || next >= end) {
            line(out, new ExportFormat.NodeLine(new ExportFormat.Node(start, end,
                    TransparencyLog.hex(log.subtreeHash(start, end)))));
            counts[1]++;
            return;
        }
        if (end - start == 1) {
            return;
        }
        long k = Merkle.split(end - start);
        cover(exported, start, start + k, out, counts);
        cover(exported, start + k, end, out, counts);
    }

    private static void line(OutputStream out, Object line) throws IOException {
        LINE.writeValue(out, line);
        out.write('\n');
    }
}
