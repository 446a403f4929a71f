package io.posunbind.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.AnswerJson;
import io.posunbind.engine.CaseFacts;
import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.engine.Language;
import io.posunbind.engine.RequestJson;

/**
 * A recorded decision decided again under a rule set: what replay and simulate both do. Facts are rebuilt from the
 * recorded request bytes, with the recorded asOf, by the same parser the service decides with; the decision keeps
 * its id.
 *
 * @param answer the answer decided again
 * @param json   that answer as the service would send it
 * @param tree   that answer read back as the answers are compared ({@link AnswerDiff#tree(byte[])})
 */
record Redecision(DecisionAnswer answer, byte[] json, JsonNode tree) {
    private static final DecisionRequestParser PARSER = new DecisionRequestParser();
    private static final DecisionEngine ENGINE = new DecisionEngine();

    /**
     * A recorded decision read once, to be decided again under one rule set or several: a backtest decides each
     * record under the candidate and the baseline from the same facts (they are immutable).
     *
     * @param answer   the recorded answer, as the answers are compared
     * @param language the language it was answered in (English for records made before languages)
     */
    record Recorded(DecisionRecord record, CaseFacts facts, JsonNode answer, Language language) {
        static Recorded of(DecisionRecord record) {
            JsonNode answer = AnswerDiff.tree(record.answerBody());
            return new Recorded(record, PARSER.parse(RequestJson.read(record.requestBody()), record.asOf()), answer,
                    Language.ofTag(answer.path("language").asText("")).orElse(Language.EN));
        }

        /** Decides the record again under the rule set, in the language it was answered in. */
        Redecision under(CompiledRuleSet ruleSet, Instant evaluatedAt) {
            DecisionAnswer again = ENGINE.decide(facts, ruleSet, record.decisionId(), evaluatedAt, language);
            byte[] json = AnswerJson.bytes(again);
            return new Redecision(again, json, AnswerDiff.tree(json));
        }
    }

    /** Field by field from the other answer ({@link AnswerDiff}), in its shape; empty when identical. */
    List<Difference> differencesFrom(JsonNode other) {
        return AnswerDiff.between(other, tree);
    }
}
