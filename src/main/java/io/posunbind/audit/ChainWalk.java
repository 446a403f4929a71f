package io.posunbind.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks records fed in chain order (by writer, then sequence): each record's hash must match its content, its
 * sequence must follow the previous one without a gap (starting at 1), and its previous hash must be the hash of
 * the record before it. Keeps only the current chain's state, so it walks any number of records in little memory.
 */
final class ChainWalk {
    private final List<Verification.ChainHead> heads = new ArrayList<>();
    private long checked;
    private Verification.Break firstBreak;
    private String writer;
    private long chainRecords;
    private long lastSequence;
    private String lastHash;

    void accept(DecisionRecord r) {
        if (!r.writerId().equals(writer)) {
            endChain();
            writer = r.writerId();
            chainRecords = 0;
            lastSequence = 0;
            lastHash = RecordHash.GENESIS;
        }
        checked++;
        chainRecords++;
        String problem = problem(r);
        if (problem != null && firstBreak == null) {
            firstBreak = new Verification.Break(r.decisionId(), r.writerId(), r.sequence(), problem);
        }
        lastSequence = r.sequence();
        lastHash = r.hash();
    }

    private String problem(DecisionRecord r) {
        if (!RecordHash.of(r).equals(r.hash())) {
            return "the record's content does not match its hash: it was altered after it was recorded";
        }
        if (r.sequence() != lastSequence + 1) {
            return lastSequence == 0
                    ? "the chain starts at sequence " + r.sequence() + ": records 1 to " + (r.sequence() - 1)
                            + " are missing"
                    : "sequence " + r.sequence() + " follows " + lastSequence + ": records in between are missing";
        }
        if (!r.previousHash().equals(lastHash)) {
            return "the record's previous hash is not the hash of record " + lastSequence + " of its chain";
        }
        return null;
    }

    private void endChain() {
        if (writer != null) {
            heads.add(new Verification.ChainHead(writer, chainRecords, lastSequence, lastHash));
        }
    }

    long checked() {
        return checked;
    }

    Verification.Break firstBreak() {
        return firstBreak;
    }

    List<Verification.ChainHead> heads() {
        endChain();
        writer = null;
        return List.copyOf(heads);
    }
}
