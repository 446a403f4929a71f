package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.reference.CaseGenerator;

/**
 * A rule set loaded from a kept executable model decides exactly as one compiled from its files, and nothing but
 * the model of the very same files is ever loaded: another file's text, a model that cannot be read, or a
 * compilation with messages each lead to compiling.
 */
class CompiledModelStoreTest {
    private static final int CASES = 1500;
    private static RuleFiles policy;

    /** A store in memory that counts what it is asked. */
    static final class Memory implements CompiledModelStore {
        final Map<String, byte[]> entries = new HashMap<>();
        final List<String> reads = new ArrayList<>();
        final List<String> discarded = new ArrayList<>();
        int writes;

        @Override
        public Optional<byte[]> read(String key) {
            reads.add(key);
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void write(String key, byte[] model) {
            writes++;
            entries.put(key, model);
        }

        @Override
        public void discard(String key, String reason) {
            discarded.add(reason);
            entries.remove(key);
        }
    }

    @BeforeAll
    static void readPolicy() {
        policy = RuleFiles.readDirectory(Path.of("rules"));
    }

    @Test
    void aKeptModelDecidesEveryGeneratedCaseAsTheCompiledOne() {
        Memory store = new Memory();
        RuleSetCompiler compiler = new RuleSetCompiler(store);
        try (CompiledRuleSet compiled = compiler.compile(policy);
             CompiledRuleSet kept = compiler.compile(policy);
             CompiledRuleSet plain = new RuleSetCompiler().compile(policy)) {
            assertThat(compiled.loadedFromStore()).isFalse();
            assertThat(kept.loadedFromStore()).as("the second compilation of the same files loads").isTrue();
            assertThat(store.writes).isEqualTo(1);
            assertThat(store.reads).hasSize(2).allMatch(key -> key.equals(store.reads.get(0)));
            assertThat(kept.ruleCount()).isEqualTo(plain.ruleCount());
            assertThat(kept.rulePackages()).isEqualTo(plain.rulePackages());
            assertThat(kept.warnings()).isEqualTo(plain.warnings());

            DecisionRequestParser parser = new DecisionRequestParser();
            DecisionEngine engine = new DecisionEngine();
            for (ObjectNode request : new CaseGenerator(20261207L).generate(CASES)) {
                CaseFacts facts = parser.parse(request, LocalDate.of(2026, 11, 26));
                for (Language language : Language.values()) {
                    DecisionAnswer expected = engine.decide(facts, plain, "x", Instant.EPOCH, language);
                    assertThat(engine.decide(facts, kept, "x", Instant.EPOCH, language)).as("case %s", request)
                            .isEqualTo(expected);
                    assertThat(engine.decide(facts, compiled, "x", Instant.EPOCH, language)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void anyChangeToTheFilesIsAnotherKey() {
        Memory store = new Memory();
        RuleSetCompiler compiler = new RuleSetCompiler(store);
        compiler.compile(policy).close();
        Map<String, String> texts = new LinkedHashMap<>(policy.files());
        // One space in a comment: the same rules, other files; the key follows the text, not what it means.
        texts.computeIfPresent("account/account.drl", (path, text) -> text + "\n// changed\n");
        try (CompiledRuleSet changed = compiler.compile(RuleFiles.of(texts))) {
            assertThat(changed.loadedFromStore()).isFalse();
        }
        assertThat(store.reads).hasSize(2).doesNotHaveDuplicates();
        assertThat(store.entries).hasSize(2);
    }

    @Test
    void aModelThatCannotBeLoadedIsDiscardedAndTheFilesCompiled() {
        Memory store = new Memory();
        RuleSetCompiler compiler = new RuleSetCompiler(store);
        compiler.compile(policy).close();
        String key = store.reads.get(0);
        store.entries.put(key, "not a model".getBytes(StandardCharsets.UTF_8));
        try (CompiledRuleSet compiled = compiler.compile(policy)) {
            assertThat(compiled.loadedFromStore()).isFalse();
            assertThat(compiled.ruleCount()).isPositive();
        }
        assertThat(store.discarded).singleElement().asString().contains("cannot be read");
        assertThat(store.entries).as("the compiled model was kept again").containsKey(key);
        assertThat(store.writes).isEqualTo(2);

        // A readable model of other rules under this key would be a forgery the seal stops; the loader itself
        // refuses bytes of another format.
        byte[] other = store.entries.get(key).clone();
        other[other.length / 2] ^= 0x5A;
        store.entries.put(key, other);
        try (CompiledRuleSet compiled = compiler.compile(policy)) {
            assertThat(compiled.loadedFromStore()).isFalse();
        }
        assertThat(store.discarded).hasSize(2);
    }

    @Test
    void aCompilationWithMessagesIsNotKept() {
        Memory store = new Memory();
        RuleSetCompiler compiler = new RuleSetCompiler(store);
        // The checks let this rule through; the compiler refuses it (a number where an int is needed).
        RuleFiles broken = RuleFiles.of(Map.of("fees/fees.drl", Compiling.HEADER + """
                rule "Negative balance"
                when
                    Account( $balance : balance )
                then
                    int cents = $balance;
                end
                """));
        assertThatThrownBy(() -> compiler.compile(broken)).isInstanceOf(RuleSetCompilationException.class);
        assertThat(store.reads).as("it reached the compiler").hasSize(1);
        assertThat(store.writes).isZero();
    }
}
