package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * The deposit a merchant paid for a DEPOSIT_BASED terminal.
 *
 * @param amount          the deposit paid
 * @param volumeTargetMet true when the merchant reached the agreed transaction volume
 */
public record Deposit(BigDecimal amount, boolean volumeTargetMet) {
}
