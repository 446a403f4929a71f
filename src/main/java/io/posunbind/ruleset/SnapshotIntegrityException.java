package io.posunbind.ruleset;

/** A stored rule set's files no longer hash to the version they were stored under: they were altered. */
public class SnapshotIntegrityException extends RuntimeException {
    public SnapshotIntegrityException(String version) {
        super("The stored files of rule-set version " + version + " no longer hash to that version; they were "
                + "altered after they were stored, so nothing is decided with them");
    }
}
