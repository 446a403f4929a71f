package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * The merchant's settlement account with the provider.
 *
 * @param balance                          negative when the merchant owes money, positive when it is owed a payout
 * @param unsettledTransactions            transactions not yet settled
 * @param openChargebacks                  chargebacks still open
 * @param openChargebackAmount             total amount of the open chargebacks
 * @param settlementAccountVerified        true when the payout account was verified
 * @param settlementAccountChangeRequested true when a change of payout account is pending
 */
public record Account(BigDecimal balance, int unsettledTransactions, int openChargebacks,
                      BigDecimal openChargebackAmount, boolean settlementAccountVerified,
                      boolean settlementAccountChangeRequested) {
}
