package io.posunbind.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.facts.Account;
import io.posunbind.facts.Contract;
import io.posunbind.facts.ContractStatus;
import io.posunbind.facts.DataWipe;
import io.posunbind.facts.Deposit;
import io.posunbind.facts.Disposition;
import io.posunbind.facts.DocumentType;
import io.posunbind.facts.EarlyTermination;
import io.posunbind.facts.EarlyTerminationMethod;
import io.posunbind.facts.Merchant;
import io.posunbind.facts.MerchantType;
import io.posunbind.facts.NewProvider;
import io.posunbind.facts.Ownership;
import io.posunbind.facts.Reason;
import io.posunbind.facts.RiskFlag;
import io.posunbind.facts.Terminal;
import io.posunbind.facts.UnbindCase;
import io.posunbind.facts.WipeLevel;

/**
 * Turns a decision request body into facts. FIRST CUT: reads well-formed requests; strict validation with every
 * offending path is being added.
 */
public final class DecisionRequestParser {

    /** Parses the body; {@code defaultAsOf} is used when the request gives no asOf. */
    public CaseFacts parse(JsonNode body, LocalDate defaultAsOf) {
        LocalDate asOf = body.hasNonNull("asOf") ? LocalDate.parse(body.get("asOf").asText()) : defaultAsOf;
        UnbindCase unbindCase = new UnbindCase(text(body, "caseId"), asOf, Reason.valueOf(body.get("reason").asText()),
                enumSet(body.get("documents"), DocumentType.class));
        JsonNode m = body.get("merchant");
        Merchant merchant = new Merchant(text(m, "merchantId"), MerchantType.valueOf(m.get("type").asText()),
                enumSet(m.get("riskFlags"), RiskFlag.class), m.get("regulatoryHold").asBoolean());
        JsonNode t = body.get("terminal");
        JsonNode d = t.get("deposit");
        Terminal terminal = new Terminal(text(t, "serialNumber"), Ownership.valueOf(t.get("ownership").asText()),
                t.get("registeredToMerchant").asBoolean(), t.get("tamperSuspected").asBoolean(),
                decimal(t, "replacementValue"),
                d == null || d.isNull() ? null : new Deposit(decimal(d, "amount"), d.get("volumeTargetMet").asBoolean()));
        JsonNode c = body.get("contract");
        JsonNode e = c.get("earlyTermination");
        EarlyTermination early = e == null || e.isNull()
                ? new EarlyTermination(EarlyTerminationMethod.PER_REMAINING_MONTH, null, null)
                : new EarlyTermination(e.hasNonNull("method") ? EarlyTerminationMethod.valueOf(e.get("method").asText())
                        : EarlyTerminationMethod.PER_REMAINING_MONTH, decimal(e, "amount"), decimal(e, "cap"));
        Contract contract = new Contract(ContractStatus.valueOf(c.get("status").asText()),
                LocalDate.parse(c.get("startDate").asText()), c.get("termMonths").asInt(), decimal(c, "monthlyFee"),
                early);
        JsonNode a = body.get("account");
        Account account = new Account(decimal(a, "balance"), a.get("unsettledTransactions").asInt(),
                a.get("openChargebacks").asInt(), decimal(a, "openChargebackAmount"),
                a.get("settlementAccountVerified").asBoolean(), a.get("settlementAccountChangeRequested").asBoolean());
        JsonNode w = body.get("dataWipe");
        DataWipe wipe = new DataWipe(WipeLevel.valueOf(w.get("level").asText()), w.get("keysZeroized").asBoolean(),
                w.get("verified").asBoolean(), text(w, "certificateId"),
                Disposition.valueOf(w.get("disposition").asText()), w.get("returnCourierVerified").asBoolean());
        JsonNode p = body.get("newProvider");
        NewProvider provider = p == null || p.isNull() ? null : new NewProvider(text(p, "name"),
                p.get("licensedAcquirer").asBoolean(), p.get("pciDssCompliant").asBoolean(),
                p.get("securityIncidentsLast24Months").asInt(), p.get("compatibleWithExistingSystems").asBoolean(),
                decimal(p, "uptimeSlaPercent"), decimal(p, "monthlyFee"));
        return new CaseFacts(unbindCase, merchant, terminal, contract, account, wipe, provider);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).decimalValue() : null;
    }

    private static <E extends Enum<E>> Set<E> enumSet(JsonNode array, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (array != null && array.isArray()) {
            array.forEach(v -> set.add(Enum.valueOf(type, v.asText())));
        }
        return set;
    }
}
