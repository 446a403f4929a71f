package io.posunbind.facts;

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
        riskFlags = Set.copyOf(riskFlags);
    }
}
