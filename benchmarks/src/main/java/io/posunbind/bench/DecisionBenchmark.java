package io.posunbind.bench;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.Language;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.facts.Verdict;
import io.posunbind.reference.ReferencePolicyV1;

/**
 * In-process decisions on one thread (one core): the DRL rule set through the engine, beside the plain-Java
 * reference implementation of the same policy as the lower bound. Cycles through the whole corpus so every
 * verdict and path is in the mix.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@Threads(1)
public class DecisionBenchmark {
    /** 1 = policy v1 as shipped; 10 = ten times its rules. */
    @Param({"1"})
    public int ruleSetSize;

    private List<CaseFacts> cases;
    private CompiledRuleSet rules;
    private final DecisionEngine engine = new DecisionEngine();
    private final ReferencePolicyV1 reference = new ReferencePolicyV1();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        cases = Corpus.cases();
        rules = new RuleSetCompiler().compile(ScaledRuleSet.of(Corpus.shippedRules(), ruleSetSize));
        Map<Verdict, Long> mix = cases.stream().collect(Collectors.groupingBy(
                c -> engine.decide(c, rules, "mix", Instant.EPOCH, Language.EN).verdict(), () -> new EnumMap<>(Verdict.class),
                Collectors.counting()));
        if (mix.size() != Verdict.values().length) {
            throw new IllegalStateException("the corpus must cover every verdict, it covers only " + mix);
        }
        System.err.println("corpus: " + cases.size() + " distinct cases, verdicts " + mix);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rules.close();
    }

    @Benchmark
    public DecisionAnswer drools() {
        return engine.decide(nextCase(), rules, "bench", Instant.EPOCH, Language.EN);
    }

    @Benchmark
    public ReferencePolicyV1.Outcome plainJava() {
        return reference.decide(nextCase());
    }

    private CaseFacts nextCase() {
        CaseFacts facts = cases.get(next);
        next = next + 1 == cases.size() ? 0 : next + 1;
        return facts;
    }
}
