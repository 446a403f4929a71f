package io.posunbind.reference;

import static io.posunbind.facts.Severity.ADVISORY;
import static io.posunbind.facts.Severity.BLOCKER;
import static io.posunbind.facts.Severity.CONDITION;
import static io.posunbind.facts.Severity.MISSING;
import static io.posunbind.facts.Severity.REVIEW;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.posunbind.engine.CaseFacts;
import io.posunbind.facts.Account;
import io.posunbind.facts.Commitment;
import io.posunbind.facts.Contract;
import io.posunbind.facts.ContractStatus;
import io.posunbind.facts.DataWipe;
import io.posunbind.facts.Disposition;
import io.posunbind.facts.DocumentType;
import io.posunbind.facts.EarlyTermination;
import io.posunbind.facts.EarlyTerminationMethod;
import io.posunbind.facts.MerchantType;
import io.posunbind.facts.NewProvider;
import io.posunbind.facts.Ownership;
import io.posunbind.facts.Reason;
import io.posunbind.facts.Severity;
import io.posunbind.facts.Terminal;
import io.posunbind.facts.UnbindCase;
import io.posunbind.facts.Verdict;
import io.posunbind.facts.WipeLevel;

/**
 * Policy v1 written a second time, in plain Java, straight from the policy text: the lower bound for the
 * benchmark, and an independent reading the DRL rules are checked against over thousands of generated cases.
 * Deliberately no shared code with the rules or the engine beyond the fact records.
 */
public final class ReferencePolicyV1 {
    private static final BigDecimal CHARGEBACK_EXPOSURE = new BigDecimal("50000.00");
    private static final BigDecimal MIN_UPTIME = new BigDecimal("99.5");

    /** The parts of an answer the policy fixes. */
    public record Outcome(Verdict verdict, List<String> findings, List<String> missingDocuments, List<String> steps,
                          TreeMap<String, BigDecimal> fees, TreeMap<String, BigDecimal> refunds,
                          TreeMap<String, String> holds, BigDecimal feeTotal, BigDecimal refundTotal,
                          BigDecimal net, String days) {
    }

    private record F(Severity severity, String code, String subject) {
        String key() {
            return code + "/" + severity + (subject == null ? "" : "/" + subject);
        }
    }

    public Outcome decide(CaseFacts c) {
        UnbindCase k = c.unbindCase();
        Terminal t = c.terminal();
        Account a = c.account();
        DataWipe w = c.dataWipe();
        NewProvider np = c.newProvider();
        Contract contract = c.contract();
        Reason reason = k.reason();
        Disposition disposition = w.disposition();

        List<F> findings = new ArrayList<>();
        add(findings, c.merchant().regulatoryHold(), BLOCKER, "REGULATORY_HOLD");
        add(findings, !t.registeredToMerchant(), BLOCKER, "TERMINAL_NOT_REGISTERED");
        add(findings, !a.settlementAccountVerified(), BLOCKER, "SETTLEMENT_ACCOUNT_UNVERIFIED");
        add(findings, a.settlementAccountChangeRequested(), BLOCKER, "SETTLEMENT_ACCOUNT_CHANGE_PENDING");
        add(findings, np != null && !np.licensedAcquirer(), BLOCKER, "NEW_PROVIDER_UNLICENSED");
        add(findings, !c.merchant().riskFlags().isEmpty(), REVIEW, "RISK_INVESTIGATION");
        add(findings, t.tamperSuspected(), REVIEW, "TAMPER_SUSPECTED");
        add(findings, reason == Reason.LOST_STOLEN || disposition == Disposition.LOST, REVIEW,
                "DEVICE_LOST_OR_STOLEN");
        add(findings, contract.status() == ContractStatus.SUSPENDED, REVIEW, "CONTRACT_SUSPENDED");
        add(findings, np != null && !np.pciDssCompliant(), REVIEW, "NEW_PROVIDER_NOT_PCI_COMPLIANT");
        add(findings, a.openChargebackAmount().compareTo(CHARGEBACK_EXPOSURE) > 0, REVIEW,
                "HIGH_CHARGEBACK_EXPOSURE");
        List<DocumentType> missing = required(c).stream().filter(d -> !k.documents().contains(d))
                .sorted(Comparator.comparing(Enum::name)).toList();
        missing.forEach(d -> findings.add(new F(MISSING, "MISSING_DOCUMENT", d.name())));
        add(findings, reason == Reason.SWITCH_PROVIDER && np == null, MISSING, "NEW_PROVIDER_DETAILS_REQUIRED");
        boolean strongWipe = (w.level() == WipeLevel.PURGE || w.level() == WipeLevel.DESTROY) && w.keysZeroized()
                && w.verified() && w.hasCertificate();
        add(findings, disposition == Disposition.MERCHANT_RETAINS && !strongWipe, MISSING,
                "WIPE_EVIDENCE_INSUFFICIENT");
        add(findings, disposition == Disposition.DESTROYED && !(w.level() == WipeLevel.DESTROY && w.hasCertificate()),
                MISSING, "DESTRUCTION_CERTIFICATE_REQUIRED");
        add(findings, a.unsettledTransactions() > 0, CONDITION, "FINAL_SETTLEMENT_REQUIRED");
        add(findings, a.balance().signum() < 0, CONDITION, "OUTSTANDING_BALANCE");
        add(findings, a.openChargebacks() > 0, CONDITION, "CHARGEBACK_RESERVE");
        add(findings, disposition == Disposition.RETURN_TO_PROVIDER && !w.returnCourierVerified(), CONDITION,
                "RETURN_LOGISTICS_UNVERIFIED");
        add(findings, np != null && !np.compatibleWithExistingSystems(), CONDITION, "NEW_PROVIDER_COMPATIBILITY");
        add(findings, np != null && np.securityIncidentsLast24Months() >= 2, ADVISORY,
                "NEW_PROVIDER_SECURITY_RECORD");
        add(findings, np != null && np.uptimeSlaPercent().compareTo(MIN_UPTIME) < 0, ADVISORY,
                "NEW_PROVIDER_SERVICE_QUALITY");
        add(findings, np != null && np.monthlyFee().compareTo(contract.monthlyFee()) > 0, ADVISORY,
                "NEW_PROVIDER_COST_HIGHER");
        add(findings, t.ownership() == Ownership.THIRD_PARTY_LEASE, ADVISORY, "LEASE_OBLIGATIONS_CONTINUE");
        boolean depositBased = t.ownership() == Ownership.DEPOSIT_BASED;
        add(findings, depositBased && (!t.deposit().volumeTargetMet() || disposition != Disposition.RETURN_TO_PROVIDER),
                ADVISORY, "DEPOSIT_FORFEITED");

        boolean feesWaived = reason == Reason.COMPLIANCE_REQUIREMENT || reason == Reason.DEVICE_FAULT;
        TreeMap<String, BigDecimal> fees = new TreeMap<>();
        if (!feesWaived) {
            put(fees, "ACCOUNT_CLOSURE", new BigDecimal("50.00"));
            int remaining = Commitment.of(contract, k.asOf()).remainingMonths();
            if (contract.status() == ContractStatus.ACTIVE && remaining > 0) {
                put(fees, "EARLY_TERMINATION", earlyTermination(contract, remaining));
            }
        }
        boolean providerWipes = w.level() == WipeLevel.NONE || w.level() == WipeLevel.LOGICAL_UNBIND;
        if (disposition == Disposition.RETURN_TO_PROVIDER && providerWipes) {
            put(fees, "DATA_WIPE_SERVICE", new BigDecimal("80.00"));
        }
        if (t.ownership() == Ownership.PROVIDER_PLACED && (disposition == Disposition.MERCHANT_RETAINS
                || disposition == Disposition.LOST || (disposition == Disposition.DESTROYED && !t.tamperSuspected()))) {
            put(fees, "DEVICE_NON_RETURN", t.replacementValue());
        }
        if (a.balance().signum() < 0) {
            put(fees, "OUTSTANDING_BALANCE", a.balance().negate());
        }
        TreeMap<String, BigDecimal> refunds = new TreeMap<>();
        if (depositBased && t.deposit().volumeTargetMet() && disposition == Disposition.RETURN_TO_PROVIDER) {
            put(refunds, "DEPOSIT_REFUND", t.deposit().amount());
        }
        TreeMap<String, String> holds = new TreeMap<>();
        if (a.openChargebacks() > 0 && a.openChargebackAmount().signum() > 0) {
            holds.put("CHARGEBACK_RESERVE", money(a.openChargebackAmount()).toPlainString() + "/120");
        }
        BigDecimal feeTotal = fees.values().stream().reduce(money(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal refundTotal = refunds.values().stream().reduce(money(BigDecimal.ZERO), BigDecimal::add);

        boolean newTerminal = reason == Reason.SWITCH_PROVIDER || reason == Reason.TECH_OBSOLETE
                || reason == Reason.DEVICE_FAULT;
        List<String> steps = steps(c, feeTotal.signum() > 0, newTerminal);
        Verdict verdict = verdict(findings);
        String days = null;
        if (verdict != Verdict.REJECTED) {
            int min = 3 + (newTerminal ? 1 : 0) + (verdict == Verdict.MANUAL_REVIEW ? 5 : 0);
            int max = 10 + (newTerminal ? 3 : 0) + (verdict == Verdict.MANUAL_REVIEW ? 10 : 0);
            days = min + "-" + max;
        }
        List<String> findingKeys = findings.stream()
                .sorted(Comparator.comparing(F::severity).thenComparing(F::code)
                        .thenComparing(F::subject, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(F::key).toList();
        return new Outcome(verdict, findingKeys, missing.stream().map(Enum::name).toList(), steps, fees, refunds,
                holds, feeTotal, refundTotal, feeTotal.subtract(refundTotal), days);
    }

    private static Set<DocumentType> required(CaseFacts c) {
        Set<DocumentType> docs = EnumSet.of(DocumentType.UNBIND_APPLICATION, DocumentType.IDENTITY_PROOF,
                DocumentType.SETTLEMENT_ACCOUNT_PROOF);
        if (c.merchant().type() == MerchantType.ENTERPRISE) {
            docs.add(DocumentType.BUSINESS_LICENSE);
        }
        switch (c.unbindCase().reason()) {
            case SWITCH_PROVIDER -> docs.addAll(List.of(DocumentType.NEW_PROVIDER_CONTRACT,
                    DocumentType.COMPATIBILITY_STATEMENT));
            case TECH_OBSOLETE -> docs.addAll(List.of(DocumentType.USAGE_RECORDS_AND_INVOICES,
                    DocumentType.NEW_DEVICE_PURCHASE_CONTRACT, DocumentType.COMPATIBILITY_STATEMENT));
            case DEVICE_FAULT -> docs.add(DocumentType.FAULT_REPORT);
            case CONTRACT_END -> {
                if (c.contract().status() != ContractStatus.EXPIRED) {
                    docs.add(DocumentType.TERMINATION_AGREEMENT);
                }
            }
            case LOST_STOLEN -> docs.add(DocumentType.POLICE_REPORT);
            case BUSINESS_CLOSURE -> docs.add(DocumentType.DEREGISTRATION_PROOF);
            case SETTLEMENT_ISSUE -> docs.add(DocumentType.USAGE_RECORDS_AND_INVOICES);
            case COMPLIANCE_REQUIREMENT -> docs.add(DocumentType.COMPLIANCE_NOTICE);
            case BUSINESS_ADJUSTMENT -> { }
        }
        return docs;
    }

    private static List<String> steps(CaseFacts c, boolean fees, boolean newTerminal) {
        DataWipe w = c.dataWipe();
        Disposition d = w.disposition();
        Reason r = c.unbindCase().reason();
        boolean tamper = c.terminal().tamperSuspected();
        BigDecimal balance = c.account().balance();
        NewProvider np = c.newProvider();
        TreeMap<Integer, String> steps = new TreeMap<>();
        steps.put(10, "CONTACT_PROVIDER");
        steps.put(20, "SUBMIT_APPLICATION");
        steps.put(30, "VERIFY_IDENTITY_AND_ACCOUNT");
        step(steps, c.account().unsettledTransactions() > 0, 40, "SETTLE_PENDING_TRANSACTIONS");
        step(steps, balance.signum() < 0, 45, "PAY_OUTSTANDING_BALANCE");
        step(steps, balance.signum() > 0, 46, "RECEIVE_FINAL_PAYOUT");
        step(steps, fees, 50, "PAY_FEES");
        step(steps, (w.level() == WipeLevel.NONE || w.level() == WipeLevel.LOGICAL_UNBIND) && d != Disposition.LOST,
                60, "CLEAR_MERCHANT_DATA");
        step(steps, !w.keysZeroized() && d != Disposition.LOST, 65, "ZEROIZE_KEYS");
        step(steps, d == Disposition.RETURN_TO_PROVIDER && !w.returnCourierVerified(), 70, "VERIFY_RETURN_LOGISTICS");
        step(steps, d == Disposition.RETURN_TO_PROVIDER && !tamper, 75, "RETURN_DEVICE");
        step(steps, tamper, 76, "DESTROY_DEVICE_UNDER_DUAL_CONTROL");
        step(steps, tamper || r == Reason.LOST_STOLEN || d == Disposition.LOST, 78, "REPORT_SECURITY_INCIDENT");
        steps.put(80, "AWAIT_PROVIDER_REVIEW");
        steps.put(85, "UPDATE_TERMINAL_REGISTRY");
        step(steps, np != null && !np.compatibleWithExistingSystems(), 88, "ASSESS_COMPATIBILITY");
        step(steps, newTerminal, 90, "CONFIGURE_NEW_TERMINAL");
        step(steps, newTerminal, 91, "TEST_NEW_TERMINAL");
        step(steps, newTerminal, 92, "TRAIN_STAFF");
        step(steps, r == Reason.SWITCH_PROVIDER || r == Reason.BUSINESS_ADJUSTMENT || r == Reason.BUSINESS_CLOSURE,
                93, "NOTIFY_CUSTOMERS");
        step(steps, c.terminal().ownership() == Ownership.THIRD_PARTY_LEASE, 94, "SETTLE_LEASE_WITH_LESSOR");
        steps.put(95, "ROTATE_CREDENTIALS");
        steps.put(96, "MONITOR_ACCOUNT_ACTIVITY");
        steps.put(97, "RECONCILE_FINANCIAL_REPORTS");
        return steps.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.toList());
    }

    private static BigDecimal earlyTermination(Contract contract, int remaining) {
        EarlyTermination terms = contract.earlyTermination();
        BigDecimal fee = terms.method() == EarlyTerminationMethod.FLAT ? terms.amount()
                : contract.monthlyFee().multiply(BigDecimal.valueOf(remaining));
        return terms.cap() != null && fee.compareTo(terms.cap()) > 0 ? terms.cap() : fee;
    }

    private static Verdict verdict(List<F> findings) {
        Severity worst = findings.stream().map(F::severity).min(Comparator.naturalOrder()).orElse(ADVISORY);
        return switch (worst) {
            case BLOCKER -> Verdict.REJECTED;
            case REVIEW -> Verdict.MANUAL_REVIEW;
            case MISSING -> Verdict.INCOMPLETE;
            case CONDITION -> Verdict.APPROVED_WITH_CONDITIONS;
            case ADVISORY -> Verdict.APPROVED;
        };
    }

    private static void add(List<F> findings, boolean when, Severity severity, String code) {
        if (when) {
            findings.add(new F(severity, code, null));
        }
    }

    private static void step(TreeMap<Integer, String> steps, boolean when, int order, String code) {
        if (when) {
            steps.put(order, code);
        }
    }

    private static void put(TreeMap<String, BigDecimal> amounts, String code, BigDecimal amount) {
        BigDecimal value = money(amount);
        if (value.signum() != 0) {
            amounts.put(code, value);
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
