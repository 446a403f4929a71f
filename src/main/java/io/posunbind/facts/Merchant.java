package io.posunbind.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The merchant asking for the unbind.
 *
 * @param merchantId     the provider's merchant number
 * @param type           enterprise or individual
 * @param riskFlags      open risk signals, empty when none
 * @param regulatoryHold true when a regulator froze the merchant
 */
public record Merchant(String merchantId, MerchantType type, Set<RiskFlag> riskFlags, boolean regulatoryHold) {
    public Merchant {
        // An EnumSet iterates in declaration order on every JVM, unlike Set.copyOf, so a rule that walks the
        // set fires in the same order on replay.
        EnumSet<RiskFlag> copy = EnumSet.noneOf(RiskFlag.class);
        copy.addAll(riskFlags);
        riskFlags = Collections.unmodifiableSet(copy);
    }
}
