package io.posunbind.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionAnswer.FindingLine;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.engine.Language;
import io.posunbind.engine.Texts;
import io.posunbind.facts.Severity;
import io.posunbind.facts.Verdict;

/**
 * Finds the smallest sets of changes the merchant can make that turn a case into APPROVED or APPROVED_WITH_CONDITIONS
 * (into APPROVED when it is approved with conditions already). Every set is found by deciding the changed case with
 * the same rule set, never guessed: the sets are tried smallest first, and a set is kept when its case reaches the
 * target and no smaller kept set is part of it. Plain Java.
 */
public final class RemedyFinder {
    /** Most changes searched over: at most 2^12 = 4096 cases are decided. */
    static final int MOST_CHANGES = 12;
    private static final Set<Verdict> APPROVALS = Set.of(Verdict.APPROVED, Verdict.APPROVED_WITH_CONDITIONS);

    private final DecisionRequestParser parser = new DecisionRequestParser();
    private final DecisionEngine engine = new DecisionEngine();
    private final RemedyTexts texts = RemedyTexts.load();

    public RemedyReport find(String decisionId, JsonNode request, LocalDate asOf, CompiledRuleSet ruleSet,
                      Language language) {
        DecisionAnswer now = decide(request, asOf, ruleSet, language, decisionId);
        Set<Verdict> targets = now.verdict() == Verdict.APPROVED_WITH_CONDITIONS ? Set.of(Verdict.APPROVED)
                : APPROVALS;
        if (now.verdict() == Verdict.APPROVED) {
            return new RemedyReport(decisionId, ruleSet.version(), now.language(), now.verdict(), true, List.of(),
                    List.of(), 1);
        }
        List<Remedy.Change> offered = Remedy.offeredFor(now, MOST_CHANGES);
        List<Integer> found = new ArrayList<>();
        List<RemedyReport.Cure> cures = new ArrayList<>();
        int decided = 1;
        DecisionAnswer withAll = now;
        for (int set : setsSmallestFirst(offered.size())) {
            if (found.stream().anyMatch(smaller -> (set & smaller) == smaller)) {
                continue;
            }
            DecisionAnswer changed = decide(changedRequest(request, offered, set), asOf, ruleSet, language,
                    decisionId);
            decided++;
            if (set == (1 << offered.size()) - 1) {
                withAll = changed;
            }
            if (targets.contains(changed.verdict())) {
                found.add(set);
                cures.add(cure(offered, set, changed, language, ruleSet.texts()));
            }
        }
        Severity worstAllowed = targets.contains(Verdict.APPROVED_WITH_CONDITIONS) ? Severity.CONDITION
                : Severity.ADVISORY;
        List<FindingLine> blocking = cures.isEmpty() ? withAll.findings().stream()
                .filter(f -> f.severity().compareTo(worstAllowed) < 0).toList() : List.of();
        return new RemedyReport(decisionId, ruleSet.version(), now.language(), now.verdict(), !cures.isEmpty(),
                cures, blocking, decided);
    }

    /** Every subset of n changes as a bit set, the smaller ones first; the empty set is the case as it is. */
    private static List<Integer> setsSmallestFirst(int n) {
        return IntStream.range(1, 1 << n).boxed()
                .sorted(Comparator.comparingInt(Integer::bitCount).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static JsonNode changedRequest(JsonNode request, List<Remedy.Change> offered, int set) {
        ObjectNode copy = request.deepCopy();
        for (int i = 0; i < offered.size(); i++) {
            if ((set & (1 << i)) != 0) {
                offered.get(i).applyTo(copy);
            }
        }
        return copy;
    }

    private RemedyReport.Cure cure(List<Remedy.Change> offered, int set, DecisionAnswer changed, Language language,
                                   Texts names) {
        List<RemedyReport.Step> steps = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            if ((set & (1 << i)) != 0) {
                Remedy.Change change = offered.get(i);
                steps.add(new RemedyReport.Step(change.remedy().name(), change.documents(),
                        texts.describe(language, change, names)));
            }
        }
        return new RemedyReport.Cure(steps, changed.verdict(), changed.findings().stream().map(FindingLine::code)
                .distinct().toList());
    }

    private DecisionAnswer decide(JsonNode request, LocalDate asOf, CompiledRuleSet ruleSet, Language language,
                                  String decisionId) {
        return engine.decide(parser.parse(request, asOf), ruleSet, decisionId, Instant.EPOCH, language);
    }
}
