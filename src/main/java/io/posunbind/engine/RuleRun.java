package io.posunbind.engine;

import java.util.List;
import java.util.Map;

/**
 * What one evaluation produced.
 *
 * @param produced   the facts the rules inserted, in insertion order
 * @param firedRules names of the rules that fired, each once, in the order they first fired
 */
public record RuleRun(List<Produced> produced, List<String> firedRules) {

    /**
     * A fact a rule inserted.
     *
     * @param fact     the inserted fact
     * @param rule     the name of the rule that inserted it
     * @param metadata the rule's metadata (e.g. regulation), values unquoted
     */
    public record Produced(Object fact, String rule, Map<String, String> metadata) {
    }

    /** The facts of one type, in insertion order. */
    public <T> List<T> all(Class<T> type) {
        return produced.stream().map(Produced::fact).filter(type::isInstance).map(type::cast).toList();
    }
}
