package io.posunbind.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.posunbind.decision.DecisionMetrics;
import io.posunbind.decision.DecisionService;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.Language;
import io.posunbind.reference.CaseGenerator;
import io.posunbind.ruleset.ActiveRuleSet;

/**
 * The decision log's tree at scale (docs/benchmarks.md, "The decision log's tree"): makes its own store of
 * {@code bench.records} decisions (default 1,000,000) through the service's write path, in process (policy v1
 * deciding generated cases through {@link DecisionService}, recorded through group commit from 16 threads), then
 * times what an auditor's requests cost over it: sequencing every record into the tree and signing a checkpoint,
 * an inclusion proof from a cold and a warm tree, a consistency proof, verify over everything, the hash check
 * each read does, the audit list's queries, the export, and backtests over every record. Prints one line per figure.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar -Dbench.db=h2|postgresql -Dbench.records=1000000
 *     io.posunbind.audit.AuditLogBenchmark</pre>
 */
public final class AuditLogBenchmark {
    private static final int THREADS = 16;

    private AuditLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
        int total = Integer.getInteger("bench.records", 1_000_000);
        String kind = System.getProperty("bench.db", "h2");
        String keep = System.getProperty("bench.store"); // an H2 directory kept between runs, for profiling
        Path directory = keep != null ? Path.of(keep) : Files.createTempDirectory("audit-bench");
        try (TestDatabase db = kind.equals("h2") ? TestDatabase.h2(directory) : TestDatabase.postgres()) {
            run(db, kind, total);
        } finally {
            if (keep == null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void run(TestDatabase db, String kind, int total) throws Exception {
        db.pooled();
        System.out.printf("audit-bench: %s, %,d records, load average %s%n", kind, total, loadAverage());
        CompiledRuleSet rules = AuditFixtures.compile(Path.of(System.getProperty("bench.rules", "rules")));
        db.store(rules);
        List<byte[]> requests = new ArrayList<>();
        for (ObjectNode request : new CaseGenerator(20261207L).generate(5000)) {
            requests.add(request.toString().getBytes(StandardCharsets.UTF_8));
        }

        // 1. the store, through the service's write path (kept from an earlier run when there is one)
        long stored = db.count("SELECT COUNT(*) FROM decision_record");
        if (stored > 0) {
            System.out.printf("audit-bench: the store holds %,d records already; verify alone, three times%n",
                    stored);
            for (int i = 0; i < 3; i++) {
                verify(db);
            }
            return;
        }
        DecisionRecorder recorder = new DecisionRecorder(db.records(), Clock.systemUTC(), "bench-writer",
                new GroupCommit.Settings(64, Duration.ofMillis(1), 1024));
        ActiveRuleSet active = new ActiveRuleSet();
        active.swap(rules);
        DecisionService service = new DecisionService(active, new DecisionMetrics(new SimpleMeterRegistry()),
                recorder, Clock.systemUTC());
        AtomicInteger next = new AtomicInteger();
        String[] sample = new String[1000];
        Random random = new Random(7);
        long stride = Math.max(1, total / sample.length);
        long[] sampleAt = new long[sample.length]; // one random decision in each thousandth of the log, ascending
        for (int k = 0; k < sample.length; k++) {
            sampleAt[k] = Math.min(total - 1, k * stride + random.nextLong(stride));
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    String id = service.decide(requests.get(i % requests.size()), null, "bench", Language.EN)
                            .answer().decisionId();
                    int s = Arrays.binarySearch(sampleAt, i);
                    if (s >= 0) {
                        sample[s] = id;
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        recorder.close();
        double wrote = seconds(start);
        System.out.printf("audit-bench: wrote %,d decisions in %.1f s (%,.0f/s, decided and recorded)%n", total,
                wrote, total / wrote);

        // 2. every record a leaf, and one signed checkpoint over all of them
        TransparencyLog log = db.log();
        start = System.nanoTime();
        TransparencyLog.CheckpointView head = log.checkpointNow();
        double sequenced = seconds(start);
        System.out.printf("audit-bench: sequenced %,d leaves and signed the checkpoint in %.1f s (%,.0f leaves/s)%n",
                head.treeSize(), sequenced, head.treeSize() / sequenced);

        // 3. inclusion proofs: the first one of a fresh instance reads the whole tree once, then each is cheap
        TransparencyLog fresh = db.log();
        start = System.nanoTime();
        TransparencyLog.Proof first = fresh.proof(sample[sample.length / 2]);
        double cold = seconds(start);
        check(first);
        double[] warm = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            long s = System.nanoTime();
            TransparencyLog.Proof p = fresh.proof(sample[i]);
            warm[i] = (System.nanoTime() - s) / 1e6;
            if (i % 100 == 0) {
                check(p);
            }
        }
        Arrays.sort(warm);
        System.out.printf("audit-bench: inclusion proof at tree size %,d: first of a fresh instance %.0f ms (reads "
                + "the tree once); then median %.2f ms, p99 %.2f ms over %d random decisions; path length %d%n",
                first.treeSize(), cold * 1000, warm[warm.length / 2], warm[warm.length * 99 / 100], warm.length,
                first.auditPath().size());
        start = System.nanoTime();
        List<byte[]> consistency = fresh.consistencyProofHashes(total / 3, total);
        System.out.printf("audit-bench: consistency proof %,d -> %,d: %.2f ms, %d hashes%n", total / 3, total,
                seconds(start) * 1000, consistency.size());

        // 4. verify over everything: chains, snapshots, governance, leaves, checkpoint
        verify(db);

        // 5. the read check: the list's newest pages of 500, with every record's hash checked, and the check alone
        RecordedDecisions reads = new RecordedDecisions(db.records(), log, Clock.systemUTC(), ZoneOffset.UTC, 500);
        double[] pages = new double[30];
        double[] checks = new double[pages.length];
        for (int i = 0; i < pages.length; i++) {
            long s = System.nanoTime();
            DecisionPage page = reads.list(null, null, null, null, null, null, "500", null);
            pages[i] = (System.nanoTime() - s) / 1e6;
            List<DecisionRecord> records = new ArrayList<>();
            for (DecisionSummary summary : page.items()) {
                records.add(db.records().find(summary.decisionId()).orElseThrow());
            }
            s = System.nanoTime();
            for (DecisionRecord r : records) {
                if (!RecordIntegrity.of(r).status().equals(RecordIntegrity.INTACT)) {
                    throw new IllegalStateException("an untouched record reads altered");
                }
            }
            checks[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(pages);
        Arrays.sort(checks);
        double page = pages[pages.length / 2];
        double check = checks[checks.length / 2];
        System.out.printf("audit-bench: a list page of 500: median %.1f ms, of which the hash checks %.1f ms (%.0f%%, "
                + "%.1f µs a record)%n", page, check, 100 * check / page, check * 1000 / 500);
        listQueries(db, reads, sample, rules.version());

        start = System.nanoTime();
        long bytes;
        try (CountingStream out = new CountingStream()) {
            reads.export(null, null).writeTo(out);
            bytes = out.count;
        }
        double exported = seconds(start);
        System.out.printf("audit-bench: export of everything: %.1f s (%,.0f records/s, %,d MB)%n", exported,
                total / exported, bytes >> 20);
        backtests(db, rules, total);
        System.out.printf("audit-bench: done, load average %s%n", loadAverage());
    }

    /**
     * Issue 15's backtest targets (10,000 recorded decisions compared a second, 1,000,000 in under 2 minutes), over
     * the whole store, through the service's own Simulator: a candidate, policy v1 with the ACCOUNT_CLOSURE fee at
     * 60.00, is stored and compiled first (timed apart), then compared with the active version (each record decided
     * twice) and with the recorded answers (once). Prints the time and rate of each.
     */
    private static void backtests(TestDatabase db, CompiledRuleSet active, int total) throws Exception {
        Path rulesDirectory = Path.of(System.getProperty("bench.rules", "rules"));
        Path candidate = Files.createTempDirectory("bench-candidate");
        try (Stream<Path> files = Files.walk(rulesDirectory)) {
            for (Path from : files.toList()) {
                Path to = candidate.resolve(rulesDirectory.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path csv = candidate.resolve("fees/fee-schedule.csv");
        String schedule = Files.readString(csv);
        String changed = schedule.replaceAll("(?m),x,,50\\.00,ACCOUNT_CLOSURE$", ",x,,60.00,ACCOUNT_CLOSURE");
        if (changed.equals(schedule)) {
            throw new IllegalStateException("fees/fee-schedule.csv has no ACCOUNT_CLOSURE fee of 50.00 to change");
        }
        Files.writeString(csv, changed);
        CompiledRuleSet next = AuditFixtures.compile(candidate);
        db.store(next);
        io.posunbind.ruleset.RuleSetCache cache = new io.posunbind.ruleset.RuleSetCache(
                () -> io.posunbind.ruleset.RuleSetLease.of(active), 2);
        long start = System.nanoTime();
        try (io.posunbind.ruleset.RuleSetCache.Lease warm = cache.lease(next.version(),
                () -> db.ruleSets().files(next.version()))) {
            System.out.printf("audit-bench: backtest candidate read from the store and compiled in %.1f s%n",
                    seconds(start));
        }
        Simulator simulator = new Simulator(db.records(), db.ruleSets(), cache, Clock.systemUTC());
        for (String baseline : List.of(active.version(), SimulationReport.RECORDED)) {
            start = System.nanoTime();
            SimulationReport report = simulator.run(next.version(), baseline,
                    new SimulationScope(null, null, total, 0), n -> { });
            double took = seconds(start);
            System.out.printf("audit-bench: backtest against %s: %,d decisions in %.1f s (%,.0f/s); %,d changed, fee "
                    + "totals %s -> %s, %,d listed; load average %s%n",
                    baseline.equals(SimulationReport.RECORDED) ? "the recorded answers" : "the active version",
                    report.compared(), took, report.compared() / took, report.changed(), report.feeTotals().before(),
                    report.feeTotals().after(), report.changedDecisionsKept(), loadAverage());
        }
        next.close();
    }

    /**
     * The audit list's queries as an auditor asks them (issue 15: p99 under 50 ms at 1,000,000 records): a page of 50
     * newest first, unfiltered and by each filter, then the next page after a cursor; 200 of each, over merchants
     * and cases of decisions sampled across the whole log. Prints the median and p99 of each.
     */
    private static void listQueries(TestDatabase db, RecordedDecisions reads, String[] sample, String version)
            throws java.sql.SQLException {
        List<DecisionRecord> picked = new ArrayList<>();
        for (String id : sample) {
            picked.add(db.records().find(id).orElseThrow());
        }
        String today = java.time.LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, java.util.function.IntFunction<DecisionPage>> queries = new LinkedHashMap<>();
        queries.put("newest", i -> reads.list(null, null, null, null, null, null, "50", null));
        queries.put("merchant", i -> reads.list(merchant(picked, i), null, null, null, null, null, "50", null));
        queries.put("case", i -> reads.list(null, picked.get(i % picked.size()).caseId(), null, null, null, null,
                "50", null));
        queries.put("verdict", i -> reads.list(null, null, VERDICTS[i % VERDICTS.length], null, null, null, "50",
                null));
        queries.put("day", i -> reads.list(null, null, null, today, today, null, "50", null));
        queries.put("version", i -> reads.list(null, null, null, null, null, version, "50", null));
        queries.put("merchant+verdict+day", i -> reads.list(merchant(picked, i), null, VERDICTS[i % VERDICTS.length],
                today, today, null, "50", null));
        queries.put("second page", i -> {
            DecisionPage first = reads.list(null, null, VERDICTS[i % VERDICTS.length], null, null, null, "50", null);
            return first.nextCursor() == null ? first : reads.list(null, null, VERDICTS[i % VERDICTS.length], null,
                    null, null, "50", first.nextCursor());
        });
        queries.forEach((name, query) -> {
            for (int i = 0; i < 20; i++) {
                query.apply(i); // warm
            }
            double[] ms = new double[200];
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                query.apply(i + 20);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("audit-bench: list %s, pages of 50: median %.1f ms, p99 %.1f ms, max %.1f ms%n", name,
                    ms[ms.length / 2], ms[ms.length * 99 / 100], ms[ms.length - 1]);
        });
    }

    private static final String[] VERDICTS = {"APPROVED", "APPROVED_WITH_CONDITIONS", "INCOMPLETE", "MANUAL_REVIEW",
        "REJECTED"};

    private static String merchant(List<DecisionRecord> picked, int i) {
        return picked.get(i % picked.size()).merchantId();
    }

    private static void verify(TestDatabase db) {
        long start = System.nanoTime();
        Verification v = db.verifier(100).verify();
        double verified = seconds(start);
        if (!v.intact()) {
            throw new IllegalStateException("verify found breaks in a store nobody touched: " + v.breaks());
        }
        System.out.printf("audit-bench: verify %,d records in %.1f s (%,.0f records/s), intact%n",
                v.recordsChecked(), verified, v.recordsChecked() / verified);
    }

    /** Checks the proof with the tests' RFC 9162 checker, written apart from the service's tree code. */
    private static void check(TransparencyLog.Proof p) {
        List<byte[]> path = p.auditPath().stream().map(HexFormat.of()::parseHex).toList();
        if (!Rfc9162Checker.verifyInclusion(p.leafIndex(), p.treeSize(), HexFormat.of().parseHex(p.leafHash()), path,
                HexFormat.of().parseHex(p.rootHash()))) {
            throw new IllegalStateException("the proof of " + p.decisionId() + " does not check");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
