package io.posunbind.decision;

import java.util.List;

import io.posunbind.engine.DecisionAnswer.FindingLine;
import io.posunbind.facts.Verdict;

/**
 * What would change a decision's verdict: the smallest sets of changes the merchant can make, each verified by
 * deciding the changed case with the same rule-set version.
 *
 * @param decisionId     the decision asked about
 * @param rulesetVersion the version that decided it, and decided every changed case
 * @param language       the language of the descriptions
 * @param verdict        the decision's verdict
 * @param curable        true when at least one set of changes reaches the target (or it is approved already)
 * @param cures          each smallest set: its changes, the verdict it reaches and the findings left
 * @param blocking       when nothing the merchant can do helps: the findings that stay, and keep the verdict
 * @param casesDecided   how many cases were decided to find the sets (the case itself included)
 */
public record RemedyReport(String decisionId, String rulesetVersion, String language, Verdict verdict,
                           boolean curable, List<Cure> cures, List<FindingLine> blocking, int casesDecided) {

    /** One smallest set of changes. */
    public record Cure(List<Step> changes, Verdict verdict, List<String> findingsLeft) {
    }

    /**
     * One change.
     *
     * @param remedy      what the merchant does: PROVIDE_DOCUMENT, PROVIDE_WIPE_EVIDENCE, RETURN_DEVICE_INSTEAD,
     *                    VERIFY_RETURN_COURIER, VERIFY_SETTLEMENT_ACCOUNT, WITHDRAW_SETTLEMENT_ACCOUNT_CHANGE,
     *                    SETTLE_TRANSACTIONS or PAY_BALANCE
     * @param documents   the documents to provide, for PROVIDE_DOCUMENT; else empty
     * @param description the change in words for the merchant
     */
    public record Step(String remedy, List<String> documents, String description) {
    }
}
