package io.posunbind.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.AnswerJson;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.engine.Language;
import io.posunbind.engine.RequestJson;

/**
 * A recorded decision decided again under a rule set and compared with what was recorded: what replay and
 * simulate both do. Facts are rebuilt from the recorded request bytes, with the recorded asOf, by the same parser
 * the service decides with; the decision keeps its id.
 *
 * @param answer      the answer decided again
 * @param json        that answer as the service would send it
 * @param differences field by field from the recorded answer ({@link AnswerDiff}); empty when identical
 */
record Redecision(DecisionAnswer answer, byte[] json, List<Difference> differences) {
    private static final DecisionRequestParser PARSER = new DecisionRequestParser();
    private static final DecisionEngine ENGINE = new DecisionEngine();

    /** Decides the record again in the language it was answered in (English for records made before languages). */
    static Redecision of(DecisionRecord record, CompiledRuleSet ruleSet, Instant evaluatedAt) {
        JsonNode recorded = AnswerDiff.tree(record.answerBody());
        Language language = Language.ofTag(recorded.path("language").asText("")).orElse(Language.EN);
        DecisionAnswer answer = ENGINE.decide(PARSER.parse(RequestJson.read(record.requestBody()), record.asOf()),
                ruleSet, record.decisionId(), evaluatedAt, language);
        byte[] json = AnswerJson.bytes(answer);
        return new Redecision(answer, json, AnswerDiff.between(recorded, AnswerDiff.tree(json)));
    }
}
