package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * The provider the merchant moves to; only present when the request names one.
 *
 * @param name                          the provider's name, or null
 * @param licensedAcquirer              true when it holds an acquiring licence
 * @param pciDssCompliant               true when it is PCI DSS compliant
 * @param securityIncidentsLast24Months security incidents in the last 24 months
 * @param compatibleWithExistingSystems true when it works with the merchant's systems
 * @param uptimeSlaPercent              the uptime it commits to, in percent
 * @param monthlyFee                    its monthly fee
 */
public record NewProvider(String name, boolean licensedAcquirer, boolean pciDssCompliant,
                          int securityIncidentsLast24Months, boolean compatibleWithExistingSystems,
                          BigDecimal uptimeSlaPercent, BigDecimal monthlyFee) {
}
