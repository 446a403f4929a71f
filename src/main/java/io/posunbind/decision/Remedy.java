package io.posunbind.decision;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionAnswer.FindingLine;

/**
 * A change to a case that only the merchant's own action makes: provide a document, prove the wipe, verify the
 * courier, settle, pay. Each says when it applies (the finding it answers) and how the request looks once it is
 * made. Nothing here touches what is outside the merchant's power: risk flags, regulatory holds, tampering, a lost
 * device, the contract's status, the chargebacks, or who the new provider is.
 */
enum Remedy {
    /** Provide a required document that is missing; one remedy per document. */
    PROVIDE_DOCUMENT("MISSING_DOCUMENT"),
    /** Wipe the kept or destroyed device to the level the policy asks, with keys zeroised, verified, certified. */
    PROVIDE_WIPE_EVIDENCE("WIPE_EVIDENCE_INSUFFICIENT", "DESTRUCTION_CERTIFICATE_REQUIRED"),
    /** Send the kept device back to the provider instead. */
    RETURN_DEVICE_INSTEAD("WIPE_EVIDENCE_INSUFFICIENT"),
    /** Verify the courier who carries the device back. */
    VERIFY_RETURN_COURIER("RETURN_LOGISTICS_UNVERIFIED"),
    /** Have the settlement account verified. */
    VERIFY_SETTLEMENT_ACCOUNT("SETTLEMENT_ACCOUNT_UNVERIFIED"),
    /** Withdraw the pending change of settlement account. */
    WITHDRAW_SETTLEMENT_ACCOUNT_CHANGE("SETTLEMENT_ACCOUNT_CHANGE_PENDING"),
    /** Settle the transactions not settled yet. */
    SETTLE_TRANSACTIONS("FINAL_SETTLEMENT_REQUIRED"),
    /** Pay the negative balance the merchant owes. */
    PAY_BALANCE("OUTSTANDING_BALANCE");

    /** The finding codes this remedy answers: it is offered when the answer has one of them. */
    private final List<String> answers;

    Remedy(String... answers) {
        this.answers = List.of(answers);
    }

    /** One change the merchant can make: the remedy, and the documents it provides for PROVIDE_DOCUMENT. */
    record Change(Remedy remedy, List<String> documents) {

        /** The request with this change made (a copy; the given one is not changed). */
        void applyTo(ObjectNode request) {
            switch (remedy) {
                case PROVIDE_DOCUMENT -> {
                    JsonNode given = request.get("documents");
                    ArrayNode list = given instanceof ArrayNode array ? array : request.putArray("documents");
                    documents.forEach(list::add);
                }
                case PROVIDE_WIPE_EVIDENCE -> {
                    ObjectNode wipe = (ObjectNode) request.get("dataWipe");
                    boolean destroyed = "DESTROYED".equals(wipe.path("disposition").asText());
                    wipe.put("level", destroyed ? "DESTROY" : "PURGE");
                    wipe.put("keysZeroized", true);
                    wipe.put("verified", true);
                    if (!wipe.hasNonNull("certificateId") || wipe.get("certificateId").asText().isBlank()) {
                        wipe.put("certificateId", "PROVIDED");
                    }
                }
                case RETURN_DEVICE_INSTEAD -> ((ObjectNode) request.get("dataWipe"))
                        .put("disposition", "RETURN_TO_PROVIDER");
                case VERIFY_RETURN_COURIER -> ((ObjectNode) request.get("dataWipe")).put("returnCourierVerified", true);
                case VERIFY_SETTLEMENT_ACCOUNT -> ((ObjectNode) request.get("account"))
                        .put("settlementAccountVerified", true);
                case WITHDRAW_SETTLEMENT_ACCOUNT_CHANGE -> ((ObjectNode) request.get("account"))
                        .put("settlementAccountChangeRequested", false);
                case SETTLE_TRANSACTIONS -> ((ObjectNode) request.get("account")).put("unsettledTransactions", 0);
                case PAY_BALANCE -> ((ObjectNode) request.get("account")).put("balance",
                        new java.math.BigDecimal("0.00"));
                default -> throw new IllegalStateException("no change written for " + remedy);
            }
        }
    }

    /**
     * The changes the merchant could make to this answer's case, one per remedy and one per missing document; past
     * {@code most} changes, the missing documents are one change (provide them all), so the search stays bounded.
     */
    static List<Change> offeredFor(DecisionAnswer answer, int most) {
        List<Change> others = new ArrayList<>();
        for (Remedy remedy : values()) {
            if (remedy != PROVIDE_DOCUMENT
                    && answer.findings().stream().map(FindingLine::code).anyMatch(remedy.answers::contains)) {
                others.add(new Change(remedy, List.of()));
            }
        }
        List<String> missing = answer.missingDocuments().stream().map(Enum::name).toList();
        List<Change> changes = new ArrayList<>();
        if (missing.size() + others.size() <= most) {
            missing.forEach(document -> changes.add(new Change(PROVIDE_DOCUMENT, List.of(document))));
        } else if (!missing.isEmpty()) {
            changes.add(new Change(PROVIDE_DOCUMENT, missing));
        }
        changes.addAll(others);
        return changes;
    }
}
