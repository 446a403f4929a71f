package io.posunbind.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.ruleset.ValidationReport;
import io.posunbind.ruleset.ValidationService;

/**
 * Policy v1 and a rule set ten times its size: compiling at run time as startup and a reload do (safety lint,
 * checks and the executable-model compiler), and validating a candidate as {@code POST /api/v1/rulesets/validate}
 * and the command line do (the same, then every scenario).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CompileBenchmark {
    @Param({"1", "10"})
    public int ruleSetSize;

    private RuleFiles files;
    private final ValidationService validation = new ValidationService();

    @Setup
    public void setUp() {
        files = ScaledRuleSet.of(Corpus.shippedRules(), ruleSetSize);
    }

    @Benchmark
    public int compile() {
        try (CompiledRuleSet compiled = new RuleSetCompiler().compile(files)) {
            return compiled.ruleCount();
        }
    }

    @Benchmark
    public ValidationReport validate() {
        return validation.validate(files);
    }
}
