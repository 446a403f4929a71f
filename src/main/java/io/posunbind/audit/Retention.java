package io.posunbind.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.posunbind.config.UnbindConfig;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.errors.FieldError;
import io.posunbind.storage.InstanceId;
import io.posunbind.storage.Sql;
import io.posunbind.storage.StoreUnavailableException;

/**
 * Retention ({@code unbind.audit.retention}, e.g. P5Y): the archive step exports the records recorded before the
 * cutoff to a file, checks that file as verify-export would, and only then purges them in one transaction with a
 * signed archival checkpoint that says how many records with which root were purged. The leaves stay in the tree,
 * so every checkpoint and every proof of the records kept stays valid, and verify accounts for each purged record.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** What an archive run did; with nothing old enough, purgedCount 0 and no archive. */
    public record ArchiveResult(Long archiveId, Instant recordedBefore, long purgedCount, String purgedRoot,
                                Long treeSize, String file, String signedNote) {
        static ArchiveResult nothing(Instant cutoff) {
            return new ArchiveResult(null, cutoff, 0, null, null, null, null);
        }
    }

    /** What retention would purge now. */
    public record Status(String retention, Instant cutoff, long eligible, List<ExportFormat.Archive> archives,
                         String archiveDirectory) {
    }

    private final AuditArchives archives;
    private final RecordedDecisions decisions;
    private final TransparencyLog log;
    private final AuditKey key;
    private final Clock clock;
    private final Optional<Period> retention;
    private final Path directory;
    private final ZoneId zone;
    private final String instance;
    private final int fetchSize;

    @Inject
    Retention(AuditArchives archives, RecordedDecisions decisions, TransparencyLog log, AuditKey key, Clock clock,
              InstanceId instance, UnbindConfig config) {
        this(archives, decisions, log, key, clock, config.audit().retention(),
                Path.of(config.audit().archiveDirectory()), config.decisions().zone(), instance.value(),
                config.storage().fetchSize());
    }

    Retention(AuditArchives archives, RecordedDecisions decisions, TransparencyLog log, AuditKey key, Clock clock,
              Optional<Period> retention, Path directory, ZoneId zone, String instance, int fetchSize) {
        this.archives = archives;
        this.decisions = decisions;
        this.log = log;
        this.key = key;
        this.clock = clock;
        this.retention = retention;
        this.directory = directory;
        this.zone = zone;
        this.instance = instance;
        this.fetchSize = fetchSize;
    }

    public Status status() {
        Instant cutoff = retention.map(this::cutoff).orElse(null);
        return Sql.call(() -> new Status(retention.map(Period::toString).orElse(null), cutoff,
                cutoff == null ? 0 : archives.prefixesBefore(cutoff).stream().mapToLong(
                        AuditArchives.ChainPrefix::count).sum(), archives.all(), directory.toAbsolutePath().toString()));
    }

    /** Records recorded before now minus the retention, in the service's zone (micro-second exact). */
    Instant cutoff(Period period) {
        return clock.instant().atZone(zone).minus(period).toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Archives and purges the records older than the retention, as {@code by}; answers what it did, or empty when
     * nothing is old enough.
     */
    public synchronized ArchiveResult archive(String by) {
        Period period = retention.orElseThrow(() -> new InvalidRequestException(List.of(new FieldError(
                "unbind.audit.retention", "is not set, so no record is ever purged; set it, e.g. P5Y"))));
        Instant cutoff = cutoff(period);
        try {
            return archive(cutoff, by).orElseGet(() -> ArchiveResult.nothing(cutoff));
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("The archive could not be written to " + directory.toAbsolutePath(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The archive failed; nothing was purged", e);
        }
    }

    Optional<ArchiveResult> archive(Instant cutoff, String by) throws Exception {
        log.checkpointNow(); // every record a leaf, and signed
        List<AuditArchives.ChainPrefix> prefixes = archives.prefixesBefore(cutoff);
        if (prefixes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AuditArchives.ChainStart> starts = AuditArchives.chainStarts(archives.archivedChains());
        long count = 0;
        for (AuditArchives.ChainPrefix p : prefixes) {
            long from = starts.containsKey(p.writerId()) ? starts.get(p.writerId()).lastSequence() : 0;
            if (p.lastSequence() - from != p.count()) {
                throw new IllegalStateException("Writer " + p.writerId() + " has " + p.count() + " records recorded "
                        + "before " + cutoff + " but its chain runs from " + (from + 1) + " to " + p.lastSequence()
                        + ": records are missing; run verify. Nothing was purged.");
            }
            count += p.count();
        }
        TreeVerifier.CompactRange purged = new TreeVerifier.CompactRange();
        long[] seen = {0};
        archives.forEachLeafBefore(cutoff, fetchSize, leaf -> {
            if (leaf.index() < 0) {
                throw new IllegalStateException("Decision " + leaf.decisionId() + " is not a leaf of the tree yet; "
                        + "nothing was purged. Try again in a moment.");
            }
            purged.add(Merkle.leafHashOfRecord(leaf.recordHash()));
            seen[0]++;
        });
        if (seen[0] != count) {
            throw new IllegalStateException("Records changed while the archive was prepared; nothing was purged");
        }
        long id = archives.nextId();
        String purgedRoot = TransparencyLog.hex(purged.root());
        Path file = write(id, cutoff);
        long size = log.checkpointNow().treeSize();
        String note = log.signWith(size, List.of(ExportVerifier.archivalExtension(id, count, purgedRoot,
                cutoff.toString())));
        ExportFormat.Archive archive = new ExportFormat.Archive(id, clock.instant().truncatedTo(ChronoUnit.MICROS), by,
                cutoff, count, purgedRoot, size, note);
        List<AuditArchives.ChainStart> chains = new ArrayList<>();
        for (AuditArchives.ChainPrefix p : prefixes) {
            chains.add(new AuditArchives.ChainStart(p.writerId(), p.lastSequence(), p.lastHash()));
        }
        archives.purge(archive, chains);
        LOG.infof("Archive %d: %d decision records recorded before %s exported to %s and purged, by %s on %s; "
                + "purged root %s", id, count, cutoff, file.toAbsolutePath(), by, instance, purgedRoot);
        return Optional.of(new ArchiveResult(id, cutoff, count, purgedRoot, size, file.toAbsolutePath().toString(),
                note));
    }

    /** Writes the export of the records before the cutoff, forces it to disk, and checks it as verify-export does. */
    private Path write(long id, Instant cutoff) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("archive-" + id + "-before-" + cutoff.toString().replace(':', '-') + ".jsonl");
        Path temp = directory.resolve(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
            decisions.export(null, cutoff.toString()).writeTo(out);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        ExportVerifier.Report report;
        try (BufferedReader in = Files.newBufferedReader(temp, StandardCharsets.UTF_8)) {
            report = ExportVerifier.verify(in, key.trusted());
        }
        if (!report.intact()) {
            throw new IllegalStateException("The archive " + temp.toAbsolutePath() + " does not verify ("
                    + report.problems().get(0) + "); nothing was purged. Run verify.");
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
