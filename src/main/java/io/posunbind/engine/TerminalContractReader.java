package io.posunbind.engine;

import static io.posunbind.engine.RequestLimits.IDENTIFIER_MAX_LENGTH;
import static io.posunbind.engine.RequestLimits.TERM_MONTHS_MAX;
import static io.posunbind.engine.RequestLimits.TERM_MONTHS_MIN;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.posunbind.facts.Contract;
import io.posunbind.facts.ContractStatus;
import io.posunbind.facts.Deposit;
import io.posunbind.facts.EarlyTermination;
import io.posunbind.facts.EarlyTerminationMethod;
import io.posunbind.facts.Ownership;
import io.posunbind.facts.Terminal;

/**
 * Reads the two parts of a request whose fields depend on each other.
 * <ul>
 * <li>{@code terminal.replacementValue} is required when ownership is PROVIDER_PLACED and passed on for any other
 * ownership when given.</li>
 * <li>{@code terminal.deposit} is required when ownership is DEPOSIT_BASED. For any other ownership it is accepted
 * and validated (calling systems send their full record) but not passed to the rules: a deposit on a terminal
 * that is not deposit-based means nothing, and must not earn a refund.</li>
 * <li>{@code contract.earlyTermination} absent means PER_REMAINING_MONTH without cap. Given, it must name its
 * {@code method}: a caller that sends the terms but not how they are priced has lost something on the way, and
 * guessing would price the case wrongly. {@code amount} is required for FLAT; for PER_REMAINING_MONTH it is
 * validated and passed on, and the rules ignore it. {@code cap} is optional.</li>
 * </ul>
 * When the field a condition depends on is itself invalid, the condition is not checked: its error says enough.
 */
final class TerminalContractReader {
    private static final List<String> TERMINAL = List.of("serialNumber", "ownership", "registeredToMerchant",
            "tamperSuspected", "replacementValue", "deposit");
    private static final List<String> DEPOSIT = List.of("amount", "volumeTargetMet");
    private static final List<String> CONTRACT = List.of("status", "startDate", "termMonths", "monthlyFee",
            "earlyTermination");
    private static final List<String> EARLY_TERMINATION = List.of("method", "amount", "cap");
    private static final EarlyTermination DEFAULT_EARLY_TERMINATION =
            new EarlyTermination(EarlyTerminationMethod.PER_REMAINING_MONTH, null, null);

    private TerminalContractReader() {
    }

    static Terminal terminal(RequestReader root) {
        RequestReader t = root.requiredObject("terminal", TERMINAL);
        String serialNumber = t.requiredText("serialNumber", IDENTIFIER_MAX_LENGTH);
        Ownership ownership = t.requiredEnum("ownership", Ownership.class);
        boolean registered = t.requiredBoolean("registeredToMerchant");
        boolean tamper = t.requiredBoolean("tamperSuspected");
        BigDecimal replacementValue = t.optionalAmount("replacementValue");
        requireFor(t, "replacementValue", ownership, Ownership.PROVIDER_PLACED);
        RequestReader d = t.optionalObject("deposit", DEPOSIT);
        Deposit deposit = d == null ? null
                : new Deposit(d.requiredAmount("amount"), d.requiredBoolean("volumeTargetMet"));
        requireFor(t, "deposit", ownership, Ownership.DEPOSIT_BASED);
        return new Terminal(serialNumber, ownership, registered, tamper, replacementValue,
                ownership == Ownership.DEPOSIT_BASED ? deposit : null);
    }

    static Contract contract(RequestReader root) {
        RequestReader c = root.requiredObject("contract", CONTRACT);
        ContractStatus status = c.requiredEnum("status", ContractStatus.class);
        LocalDate startDate = c.requiredDate("startDate");
        int termMonths = c.requiredInteger("termMonths", TERM_MONTHS_MIN, TERM_MONTHS_MAX);
        BigDecimal monthlyFee = c.requiredAmount("monthlyFee");
        RequestReader e = c.optionalObject("earlyTermination", EARLY_TERMINATION);
        return new Contract(status, startDate, termMonths, monthlyFee,
                e == null ? DEFAULT_EARLY_TERMINATION : earlyTermination(e));
    }

    private static EarlyTermination earlyTermination(RequestReader e) {
        EarlyTerminationMethod method = e.requiredEnum("method", EarlyTerminationMethod.class);
        BigDecimal amount = e.optionalAmount("amount");
        if (method == EarlyTerminationMethod.FLAT && !e.has("amount")) {
            e.error("amount", "is required when contract.earlyTermination.method is FLAT");
        }
        return new EarlyTermination(method, amount, e.optionalAmount("cap"));
    }

    /** A field present as {@code null} counts as missing here, as for any required field. */
    private static void requireFor(RequestReader t, String field, Ownership ownership, Ownership needing) {
        if (ownership == needing && !t.has(field)) {
            t.error(field, "is required when terminal.ownership is " + needing);
        }
    }
}
