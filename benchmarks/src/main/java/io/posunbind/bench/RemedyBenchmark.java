package io.posunbind.bench;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.decision.RemedyFinder;
import io.posunbind.decision.RemedyReport;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.Language;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.facts.Verdict;

/**
 * What "what would change the verdict" costs: the remedies of each case of the corpus in turn (every verdict in
 * the mix; an approved case costs one decision), on one thread, with policy v1.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@Threads(1)
public class RemedyBenchmark {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    private List<ObjectNode> requests;
    private CompiledRuleSet rules;
    private final RemedyFinder finder = new RemedyFinder();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        requests = Corpus.requests();
        rules = new RuleSetCompiler().compile(Corpus.shippedRules());
        Map<Verdict, long[]> decided = new EnumMap<>(Verdict.class);
        for (ObjectNode request : requests) {
            RemedyReport report = finder.find("bench", request, AS_OF, rules, Language.EN);
            long[] sum = decided.computeIfAbsent(report.verdict(), v -> new long[3]);
            sum[0]++;
            sum[1] += report.casesDecided();
            sum[2] += report.curable() ? 1 : 0;
        }
        StringBuilder mix = new StringBuilder();
        decided.forEach((verdict, sum) -> mix.append(verdict).append(": ").append(sum[0]).append(" cases, ")
                .append(String.format("%.1f", (double) sum[1] / sum[0])).append(" decided each, ").append(sum[2])
                .append(" curable; "));
        System.err.println("remedies: " + mix);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rules.close();
    }

    @Benchmark
    public RemedyReport remedies() {
        ObjectNode request = requests.get(next);
        next = next + 1 == requests.size() ? 0 : next + 1;
        return finder.find("bench", request, AS_OF, rules, Language.EN);
    }
}
