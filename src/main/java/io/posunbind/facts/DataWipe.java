package io.posunbind.facts;

/**
 * What was done to the data on the device and where the device goes.
 *
 * @param level                 the wipe level reached
 * @param keysZeroized          true when the PIN and encryption keys were zeroised
 * @param verified              true when the wipe was verified
 * @param certificateId         the wipe or destruction certificate, or null
 * @param disposition           where the device goes
 * @param returnCourierVerified true when the courier returning the device was verified
 */
public record DataWipe(WipeLevel level, boolean keysZeroized, boolean verified, String certificateId,
                       Disposition disposition, boolean returnCourierVerified) {

    /** True when a certificate id is present and not blank. */
    public boolean hasCertificate() {
        return certificateId != null && !certificateId.isBlank();
    }
}
