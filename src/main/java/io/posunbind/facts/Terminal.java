package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * The POS terminal to unbind.
 *
 * @param serialNumber         the device serial
 * @param ownership            who owns the device
 * @param registeredToMerchant true when the serial is on this merchant's record
 * @param tamperSuspected      true when the device may have been tampered with
 * @param replacementValue     what the device costs to replace; given when ownership is PROVIDER_PLACED, else may be null
 * @param deposit              the deposit paid; given when ownership is DEPOSIT_BASED, else null
 */
public record Terminal(String serialNumber, Ownership ownership, boolean registeredToMerchant, boolean tamperSuspected,
                       BigDecimal replacementValue, Deposit deposit) {
}
