package io.posunbind.engine;

import static io.posunbind.engine.RequestLimits.CASE_ID_MAX_LENGTH;
import static io.posunbind.engine.RequestLimits.IDENTIFIER_MAX_LENGTH;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.facts.Account;
import io.posunbind.facts.Contract;
import io.posunbind.facts.DataWipe;
import io.posunbind.facts.Disposition;
import io.posunbind.facts.DocumentType;
import io.posunbind.facts.Merchant;
import io.posunbind.facts.MerchantType;
import io.posunbind.facts.NewProvider;
import io.posunbind.facts.Reason;
import io.posunbind.facts.RiskFlag;
import io.posunbind.facts.Terminal;
import io.posunbind.facts.UnbindCase;
import io.posunbind.facts.WipeLevel;

/**
 * Turns a decision request body (read by {@link RequestJson}) into facts, or refuses it with an
 * {@link InvalidRequestException} naming every offending field by its dotted JSON path ({@code contract.termMonths},
 * {@code documents[2]}); a body that is not an object is named by the path "".
 * <p>
 * Beyond the contract's types and enums, and the bounds in {@link RequestLimits}:
 * <ul>
 * <li>unknown fields are refused at every level, so a typo never silently changes a decision;</li>
 * <li>optional fields given as {@code null} are treated as absent; required ones given as {@code null} are
 * missing, booleans included: a missing boolean is never a silent false;</li>
 * <li>{@code asOf} defaults to the caller's date; {@code documents} and {@code merchant.riskFlags} default to empty
 * and list each value at most once;</li>
 * <li>terminal and contract rules are in {@link TerminalContractReader}.</li>
 * </ul>
 */
public final class DecisionRequestParser {
    private static final List<String> ROOT = List.of("caseId", "asOf", "reason", "merchant", "terminal", "contract",
            "account", "documents", "dataWipe", "newProvider");
    private static final List<String> MERCHANT = List.of("merchantId", "type", "riskFlags", "regulatoryHold");
    private static final List<String> ACCOUNT = List.of("balance", "unsettledTransactions", "openChargebacks",
            "openChargebackAmount", "settlementAccountVerified", "settlementAccountChangeRequested");
    private static final List<String> DATA_WIPE = List.of("level", "keysZeroized", "verified", "certificateId",
            "disposition", "returnCourierVerified");
    private static final List<String> NEW_PROVIDER = List.of("name", "licensedAcquirer", "pciDssCompliant",
            "securityIncidentsLast24Months", "compatibleWithExistingSystems", "uptimeSlaPercent", "monthlyFee");

    /**
     * Parses the body; {@code defaultAsOf} is used when the request gives no asOf.
     *
     * @throws InvalidRequestException listing every offending field, when the request breaks the contract
     */
    public CaseFacts parse(JsonNode body, LocalDate defaultAsOf) {
        FieldErrors errors = new FieldErrors();
        RequestReader root = RequestReader.root(body, errors, ROOT);
        String caseId = root.optionalText("caseId", CASE_ID_MAX_LENGTH);
        LocalDate asOf = root.optionalDate("asOf");
        Reason reason = root.requiredEnum("reason", Reason.class);
        Merchant merchant = merchant(root.requiredObject("merchant", MERCHANT));
        Terminal terminal = TerminalContractReader.terminal(root);
        Contract contract = TerminalContractReader.contract(root);
        Account account = account(root.requiredObject("account", ACCOUNT));
        UnbindCase unbindCase = new UnbindCase(caseId, asOf == null ? defaultAsOf : asOf, reason,
                root.enumSet("documents", DocumentType.class));
        DataWipe dataWipe = dataWipe(root.requiredObject("dataWipe", DATA_WIPE));
        RequestReader provider = root.optionalObject("newProvider", NEW_PROVIDER);
        NewProvider newProvider = provider == null ? null : newProvider(provider);
        errors.throwIfAny();
        return new CaseFacts(unbindCase, merchant, terminal, contract, account, dataWipe, newProvider);
    }

    private static Merchant merchant(RequestReader m) {
        return new Merchant(m.requiredText("merchantId", IDENTIFIER_MAX_LENGTH),
                m.requiredEnum("type", MerchantType.class), m.enumSet("riskFlags", RiskFlag.class),
                m.requiredBoolean("regulatoryHold"));
    }

    private static Account account(RequestReader a) {
        return new Account(a.requiredSignedAmount("balance"), a.requiredCount("unsettledTransactions"),
                a.requiredCount("openChargebacks"), a.requiredAmount("openChargebackAmount"),
                a.requiredBoolean("settlementAccountVerified"), a.requiredBoolean("settlementAccountChangeRequested"));
    }

    /** {@code certificateId} is optional and may be blank, which the rules read as no certificate. */
    private static DataWipe dataWipe(RequestReader w) {
        return new DataWipe(w.requiredEnum("level", WipeLevel.class), w.requiredBoolean("keysZeroized"),
                w.requiredBoolean("verified"), w.optionalText("certificateId", IDENTIFIER_MAX_LENGTH),
                w.requiredEnum("disposition", Disposition.class), w.requiredBoolean("returnCourierVerified"));
    }

    /** A new provider, when named, comes with every field but {@code name}: the rules judge it on all of them. */
    private static NewProvider newProvider(RequestReader p) {
        return new NewProvider(p.optionalText("name", IDENTIFIER_MAX_LENGTH), p.requiredBoolean("licensedAcquirer"),
                p.requiredBoolean("pciDssCompliant"), p.requiredCount("securityIncidentsLast24Months"),
                p.requiredBoolean("compatibleWithExistingSystems"), p.requiredPercent("uptimeSlaPercent"),
                p.requiredAmount("monthlyFee"));
    }
}
