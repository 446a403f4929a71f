package io.posunbind.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.decision.AnswerJson;
import io.posunbind.decision.CaseFacts;
import io.posunbind.decision.DecisionAnswer;
import io.posunbind.decision.DecisionEngine;
import io.posunbind.decision.DecisionIds;
import io.posunbind.decision.DecisionRequestParser;
import io.posunbind.decision.DecisionResult;
import io.posunbind.decision.DecisionToRecord;
import io.posunbind.decision.RequestJson;
import io.posunbind.ruleset.CompiledRuleSet;
import io.posunbind.ruleset.RuleFiles;
import io.posunbind.ruleset.RuleSetCompiler;

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

    /** Decides the request as the service does and records it through the recorder; answers what stands. */
    static DecisionResult decideAndRecord(DecisionRecorder recorder, CompiledRuleSet ruleSet, String request,
                                          String idempotencyKey) {
        byte[] body = request.getBytes(StandardCharsets.UTF_8);
        JsonNode tree = RequestJson.read(body);
        Instant now = Instant.now();
        CaseFacts facts = new DecisionRequestParser().parse(tree, LocalDate.of(2026, 11, 26));
        DecisionAnswer answer = new DecisionEngine().decide(facts, ruleSet, DecisionIds.next(now), now);
        DecisionResult result = new DecisionResult(answer, AnswerJson.bytes(answer));
        return recorder.record(new DecisionToRecord(body, tree, result, ruleSet.files(), "auditor-test",
                idempotencyKey));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
