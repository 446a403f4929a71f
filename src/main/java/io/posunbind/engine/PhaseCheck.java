package io.posunbind.engine;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import io.posunbind.engine.CodeTokens.Token;

/**
 * Checks that a rule which asks whether other rules' results are absent, or adds them up, runs after those rules.
 * {@code not Finding(...)}, {@code forall}, {@code accumulate} and {@code collect} are true or complete only once
 * every such result exists: a rule that asks them at the same salience as, or a higher one than, a rule that inserts
 * the result may fire first and decide wrongly, and nothing else would ever say so. A rule that only needs a result
 * to be there ({@code Fee(...)}, {@code exists Fee(...)}) is safe at any salience: it fires when the result arrives.
 */
final class PhaseCheck {
    private record RuleInfo(DrlFile file, RuleDescr rule, Integer salience, Set<String> inserts,
                            Map<String, String> awaits) {
    }

    private PhaseCheck() {
    }

    static List<RuleProblem> check(List<DrlFile> files) {
        List<RuleInfo> rules = new ArrayList<>();
        for (DrlFile file : files) {
            if (file.rules() != null) {
                file.rules().getRules().forEach(rule -> rules.add(info(file, rule)));
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleInfo reader : rules) {
            if (reader.salience() == null) {
                continue;
            }
            reader.awaits().forEach((type, how) -> earliestWriter(rules, reader, type).ifPresent(writer ->
                    problems.add(problem(reader, type, how, writer))));
        }
        return problems;
    }

    /** The rule inserting the type that runs last (the lowest salience) among those not running before the reader. */
    private static java.util.Optional<RuleInfo> earliestWriter(List<RuleInfo> rules, RuleInfo reader, String type) {
        return rules.stream()
                .filter(w -> w != reader && w.salience() != null && w.inserts().contains(type)
                        && w.salience() <= reader.salience())
                .min(java.util.Comparator.comparingInt(RuleInfo::salience));
    }

    private static RuleProblem problem(RuleInfo reader, String type, String how, RuleInfo writer) {
        int[] at = RuleNames.namePosition(reader.file(), reader.rule());
        int[] writerAt = RuleNames.namePosition(writer.file(), writer.rule());
        return new RuleProblem(RuleProblem.Level.ERROR, reader.file().path(), at[0], at[1], "The rule \""
                + reader.rule().getName() + "\" " + how + " " + type + ", which the rule \"" + writer.rule().getName()
                + "\" (" + RuleProblem.at(writer.file().path(), writerAt[0], writerAt[1]) + ") inserts at salience "
                + writer.salience() + ". It may run before that " + type + " exists and decide wrongly. Give it a "
                + "salience below " + writer.salience() + " (now " + reader.salience() + "): rules that read other "
                + "rules' results run after them.");
    }

    private static RuleInfo info(DrlFile file, RuleDescr rule) {
        Map<String, String> awaits = new LinkedHashMap<>();
        collect(rule.getLhs(), null, awaits);
        return new RuleInfo(file, rule, salience(rule), inserted(String.valueOf(rule.getConsequence())), awaits);
    }

    /** The salience written on the rule, 0 when none, null when it is an expression this check cannot read. */
    private static Integer salience(RuleDescr rule) {
        AttributeDescr salience = rule.getAttributes().get("salience");
        if (salience == null) {
            return 0;
        }
        try {
            return Integer.parseInt(salience.getValue().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Fact types the consequence makes: {@code new Finding(...)}, or a fact's own factory, {@code Finding.of(...)}. */
    private static Set<String> inserted(String consequence) {
        Set<String> types = new HashSet<>();
        List<Token> tokens = CodeTokens.of(consequence);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            String type = tokens.get(i + 1).text();
            if (tokens.get(i).is("new") && RuleAllowlist.isFactType(type) && tokens.get(i + 2).is("(")) {
                types.add(type);
            }
            if (i + 3 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 3).is("(")
                    && makesItself(tokens.get(i).text(), tokens.get(i + 2).text())) {
                types.add(tokens.get(i).text());
            }
        }
        return types;
    }

    /** True when the fact type has a static method of that name that answers the type itself. */
    private static boolean makesItself(String type, String method) {
        return FactVocabulary.type(type).map(t -> Arrays.stream(t.getMethods()).anyMatch(m -> m.getName()
                .equals(method) && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == t)).orElse(false);
    }

    /** Patterns whose truth depends on every result being there, with how the rule asks about them. */
    private static void collect(BaseDescr descr, String how, Map<String, String> awaits) {
        if (descr instanceof PatternDescr pattern) {
            if (how != null) {
                awaits.putIfAbsent(simpleName(pattern.getObjectType()), how);
            }
            collect(pattern.getSource(), how, awaits);
        } else if (descr instanceof AccumulateDescr accumulate) {
            collect(accumulate.getInput(), "adds up", awaits);
        } else if (descr instanceof CollectDescr collectDescr) {
            collect(collectDescr.getInputPattern(), "collects", awaits);
        } else if (descr instanceof ConditionalElementDescr element) {
            String inner = descr instanceof NotDescr ? "tests that there is no"
                    : descr instanceof ForallDescr ? "tests every" : how;
            element.getDescrs().forEach(child -> collect((BaseDescr) child, inner, awaits));
        }
    }

    private static String simpleName(String objectType) {
        return objectType == null ? "" : objectType.substring(objectType.lastIndexOf('.') + 1);
    }
}
