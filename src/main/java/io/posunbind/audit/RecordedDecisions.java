package io.posunbind.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
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
            .writerFor(RecordView.class);

    private final DecisionRecords records;
    private final ZoneId zone;
    private final int fetchSize;

    @Inject
    RecordedDecisions(DecisionRecords records, UnbindConfig config) {
        this(records, config.decisions().zone(), config.storage().fetchSize());
    }

    /**
     * @param zone      the zone whose days {@code from} and {@code to} dates mean
     * @param fetchSize rows per round trip while streaming
     */
    RecordedDecisions(DecisionRecords records, ZoneId zone, int fetchSize) {
        this.records = records;
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
     * The export of the range: its parameters are checked now, before anything is streamed, so a bad one still gets
     * a 400; the records are read while the export is written.
     */
    public Export export(String from, String to) {
        Instant[] range = QueryParameters.range(from, to, zone);
        return out -> export(range, out);
    }

    /**
     * Writes every decision recorded in the range as one JSON line, oldest first, while reading it: the database
     * hands over {@code unbind.storage.fetch-size} rows at a time and nothing collects them. A database failure
     * before the first line is a 503; after it, the response can only break off (the client sees a cut stream).
     */
    private void export(Instant[] range, OutputStream out) throws IOException {
        try {
            records.forEachRecorded(range[0], range[1], fetchSize, record -> {
                LINE.writeValue(out, RecordView.of(record));
                out.write('\n');
            });
            out.flush();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The export broke off", e);
        }
    }
}
