package io.posunbind.audit;

/**
 * Whether one record read back still matches its hash: what every read shows beside the record, so that a value
 * altered in the database is never served as if it were what was decided. A record alone proves its own content;
 * whether records are missing around it is what verify shows.
 *
 * @param status  {@code intact} or {@code altered}
 * @param problem for an altered record, what is wrong, naming the summary column that disagrees with the hashed
 *                answer or request where one does; null when intact
 */
public record RecordIntegrity(String status, String problem) {
    static final String INTACT = "intact";
    static final String ALTERED = "altered";
    private static final RecordIntegrity OK = new RecordIntegrity(INTACT, null);

    static RecordIntegrity of(DecisionRecord r) {
        if (RecordHash.of(r).equals(r.hash())) {
            return OK;
        }
        String[] column = ChainWalk.disagreeingColumn(r);
        return new RecordIntegrity(ALTERED, column == null
                ? "the record's content does not match its hash: it was altered after it was recorded; do not "
                        + "rely on it, run verify"
                : "the record's content does not match its hash: its " + column[0] + " column says " + column[1]
                        + ", its recorded " + column[2] + " says " + column[3] + "; do not rely on it, run verify");
    }
}
