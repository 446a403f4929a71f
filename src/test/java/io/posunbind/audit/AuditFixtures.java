package io.posunbind.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.posunbind.decision.DecisionMetrics;
import io.posunbind.decision.DecisionService;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionResult;
import io.posunbind.engine.Language;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.ruleset.ActiveRuleSet;

/** Requests, rule sets and decisions for the audit tests. */
final class AuditFixtures {
    static final Path REQUEST = Path.of("src/test/resources/audit/request.json");
    static final Path RULES = Path.of("src/test/resources/audit/rules");
    static final String FEE_FILE = "fees/handling.drl";

    private AuditFixtures() {
    }

    /** The contract's example request (src/test/resources/audit/request.json) for another case and merchant. */
    static String request(String caseId, String merchantId) {
        return read(REQUEST).replace("\"CASE-2026-0001\"", "\"" + caseId + "\"")
                .replace("\"M-100200\"", "\"" + merchantId + "\"");
    }

    /** The audit tests' rule set, copied to {@code directory} with the handling fee set to {@code amount}. */
    static Path rulesWithHandlingFee(Path directory, String amount) {
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = directory.resolve(RULES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                String text = read(file);
                Files.writeString(target, file.endsWith(FEE_FILE) ? text.replace("\"10.00\"", "\"" + amount + "\"")
                        : text);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompiledRuleSet compile(Path directory) {
        return new RuleSetCompiler().compile(RuleFiles.readDirectory(directory));
    }

    /**
     * Decides the request as the service does, through {@link DecisionService} with the rule set active (the
     * requests give their asOf), records it through the recorder and answers what stands.
     */
    static DecisionResult decideAndRecord(DecisionRecorder recorder, CompiledRuleSet ruleSet, String request,
                                          String idempotencyKey) {
        ActiveRuleSet active = new ActiveRuleSet();
        active.swap(ruleSet);
        DecisionService service = new DecisionService(active, new DecisionMetrics(new SimpleMeterRegistry()),
                recorder, Clock.systemUTC());
        return service.decide(request.getBytes(StandardCharsets.UTF_8), idempotencyKey, "auditor-test", Language.EN);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
