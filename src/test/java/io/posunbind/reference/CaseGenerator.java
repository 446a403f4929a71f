package io.posunbind.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.facts.ContractStatus;
import io.posunbind.facts.Disposition;
import io.posunbind.facts.DocumentType;
import io.posunbind.facts.MerchantType;
import io.posunbind.facts.Ownership;
import io.posunbind.facts.Reason;
import io.posunbind.facts.RiskFlag;
import io.posunbind.facts.WipeLevel;

/**
 * Valid decision requests drawn at random from a fixed seed: every enum value, the boundaries the policy names
 * (50000.00, 99.5, 2 incidents, part months, caps) and mostly-complete documents, so every verdict occurs often.
 */
public final class CaseGenerator {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] CHARGEBACK_AMOUNTS = {"0.00", "120.50", "1200.00", "49999.99", "50000.00",
        "50000.01", "80000.00"};
    private static final String[] UPTIMES = {"99.90", "99.50", "99.49", "98.00", "100.00"};
    private final Random random;

    public CaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    public List<ObjectNode> generate(int count) {
        List<ObjectNode> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(next("GEN-" + i));
        }
        return cases;
    }

    public ObjectNode next(String caseId) {
        Reason reason = pick(Reason.values());
        MerchantType type = pick(MerchantType.values());
        ObjectNode root = JSON.createObjectNode();
        root.put("caseId", caseId);
        LocalDate asOf = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
        root.put("asOf", asOf.toString());
        root.put("reason", reason.name());
        ObjectNode merchant = root.putObject("merchant");
        merchant.put("merchantId", "M-" + (100000 + random.nextInt(900000)));
        merchant.put("type", type.name());
        ArrayNode flags = merchant.putArray("riskFlags");
        if (chance(8)) {
            flags.add(pick(RiskFlag.values()).name());
        }
        merchant.put("regulatoryHold", chance(4));
        Ownership ownership = pick(Ownership.values());
        ObjectNode terminal = root.putObject("terminal");
        terminal.put("serialNumber", "SN-" + random.nextInt(99_999_999));
        terminal.put("ownership", ownership.name());
        terminal.put("registeredToMerchant", !chance(4));
        terminal.put("tamperSuspected", chance(6));
        if (ownership == Ownership.PROVIDER_PLACED || chance(20)) {
            terminal.put("replacementValue", money(chance(10) ? 0 : 200 + random.nextInt(2000)));
        }
        if (ownership == Ownership.DEPOSIT_BASED) {
            ObjectNode deposit = terminal.putObject("deposit");
            deposit.put("amount", money(chance(10) ? 0 : 50 + random.nextInt(500)));
            deposit.put("volumeTargetMet", chance(70));
        }
        contract(root.putObject("contract"), asOf);
        account(root.putObject("account"));
        root.set("documents", documents(reason, type));
        wipe(root.putObject("dataWipe"));
        if ((reason == Reason.SWITCH_PROVIDER && !chance(8)) || chance(10)) {
            provider(root.putObject("newProvider"));
        }
        return root;
    }

    private void contract(ObjectNode contract, LocalDate asOf) {
        ContractStatus status = chance(60) ? ContractStatus.ACTIVE : pick(ContractStatus.values());
        contract.put("status", status.name());
        int termMonths = pick(new Integer[] {6, 12, 24, 36});
        LocalDate start = asOf.minusMonths(random.nextInt(termMonths + 6)).minusDays(random.nextInt(40) - 10);
        if (chance(5)) {
            start = asOf.minusMonths(termMonths);
        }
        contract.put("startDate", start.toString());
        contract.put("termMonths", termMonths);
        contract.put("monthlyFee", money(19 + random.nextInt(60)) .add(new BigDecimal(chance(30) ? "0.50" : "0")));
        int shape = random.nextInt(4);
        if (shape > 0) {
            ObjectNode early = contract.putObject("earlyTermination");
            boolean flat = shape == 2;
            early.put("method", flat ? "FLAT" : "PER_REMAINING_MONTH");
            if (flat) {
                early.put("amount", money(100 + random.nextInt(600)));
            }
            if (chance(50)) {
                early.put("cap", money(100 + random.nextInt(600)));
            }
        }
    }

    private void account(ObjectNode account) {
        int balanceShape = random.nextInt(3);
        account.put("balance", balanceShape == 0 ? money(0)
                : balanceShape == 1 ? money(random.nextInt(3000)).add(new BigDecimal("0.35"))
                : money(-random.nextInt(500)).subtract(new BigDecimal("0.40")));
        account.put("unsettledTransactions", chance(25) ? 1 + random.nextInt(40) : 0);
        int chargebacks = chance(20) ? 1 + random.nextInt(4) : 0;
        account.put("openChargebacks", chargebacks);
        account.put("openChargebackAmount", new BigDecimal(chargebacks == 0 && chance(80) ? "0.00"
                : pick(CHARGEBACK_AMOUNTS)));
        account.put("settlementAccountVerified", !chance(4));
        account.put("settlementAccountChangeRequested", chance(4));
    }

    private ArrayNode documents(Reason reason, MerchantType type) {
        List<DocumentType> docs = new ArrayList<>(List.of(DocumentType.UNBIND_APPLICATION,
                DocumentType.IDENTITY_PROOF, DocumentType.SETTLEMENT_ACCOUNT_PROOF));
        if (type == MerchantType.ENTERPRISE) {
            docs.add(DocumentType.BUSINESS_LICENSE);
        }
        switch (reason) {
            case SWITCH_PROVIDER -> docs.addAll(List.of(DocumentType.NEW_PROVIDER_CONTRACT,
                    DocumentType.COMPATIBILITY_STATEMENT));
            case TECH_OBSOLETE -> docs.addAll(List.of(DocumentType.USAGE_RECORDS_AND_INVOICES,
                    DocumentType.NEW_DEVICE_PURCHASE_CONTRACT, DocumentType.COMPATIBILITY_STATEMENT));
            case DEVICE_FAULT -> docs.add(DocumentType.FAULT_REPORT);
            case CONTRACT_END -> docs.add(DocumentType.TERMINATION_AGREEMENT);
            case LOST_STOLEN -> docs.add(DocumentType.POLICE_REPORT);
            case BUSINESS_CLOSURE -> docs.add(DocumentType.DEREGISTRATION_PROOF);
            case SETTLEMENT_ISSUE -> docs.add(DocumentType.USAGE_RECORDS_AND_INVOICES);
            case COMPLIANCE_REQUIREMENT -> docs.add(DocumentType.COMPLIANCE_NOTICE);
            case BUSINESS_ADJUSTMENT -> { }
        }
        while (chance(12) && !docs.isEmpty()) {
            docs.remove(random.nextInt(docs.size()));
        }
        if (chance(10)) {
            docs.add(DocumentType.STAFF_TRAINING_PLAN);
        }
        ArrayNode array = JSON.createArrayNode();
        docs.forEach(d -> array.add(d.name()));
        return array;
    }

    private void wipe(ObjectNode wipe) {
        Disposition disposition = chance(55) ? Disposition.RETURN_TO_PROVIDER : pick(Disposition.values());
        WipeLevel level = pick(WipeLevel.values());
        boolean strong = chance(50);
        wipe.put("level", level.name());
        wipe.put("keysZeroized", strong || chance(30));
        wipe.put("verified", strong || chance(30));
        if (strong || chance(20)) {
            wipe.put("certificateId", chance(5) ? "  " : "CERT-" + random.nextInt(9999));
        } else if (chance(50)) {
            wipe.putNull("certificateId");
        }
        wipe.put("disposition", disposition.name());
        wipe.put("returnCourierVerified", chance(70));
    }

    private void provider(ObjectNode provider) {
        provider.put("name", "Provider " + random.nextInt(100));
        provider.put("licensedAcquirer", !chance(6));
        provider.put("pciDssCompliant", !chance(8));
        provider.put("securityIncidentsLast24Months", chance(75) ? random.nextInt(2) : 2 + random.nextInt(3));
        provider.put("compatibleWithExistingSystems", !chance(15));
        provider.put("uptimeSlaPercent", new BigDecimal(pick(UPTIMES)));
        provider.put("monthlyFee", money(15 + random.nextInt(60)));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static BigDecimal money(long units) {
        return BigDecimal.valueOf(units).setScale(2);
    }
}
