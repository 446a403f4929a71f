package io.posunbind.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks records fed in chain order (by writer, then sequence) and finds every break, not only the first: a record
 * whose content no longer matches its hash (and, where it can be known, the summary column that disagrees with the
 * hashed answer), records missing from a chain (deleted), a record that does not follow the one before it
 * (inserted, or the chain rewritten), two records in one place (a forked chain), records out of order. Keeps the
 * first {@code maxBreaks} breaks and counts them all; keeps only the current chain's state otherwise, so it walks
 * any number of records in little memory.
 */
final class ChainWalk {
    static final String ALTERED = "altered";
    static final String SUMMARY_COLUMN = "summary-column";
    static final String DELETED = "deleted";
    static final String INSERTED = "inserted";
    static final String FORKED = "forked";
    static final String REORDERED = "reordered";

    private final int maxBreaks;
    private final List<Verification.ChainHead> heads = new ArrayList<>();
    private final List<Verification.RecordBreak> breaks = new ArrayList<>();
    private long breakCount;
    private long checked;
    private String writer;
    private long chainRecords;
    private long lastSequence;
    private String lastHash;
    private String lastPreviousHash;

    ChainWalk() {
        this(100);
    }

    private final Map<String, AuditArchives.ChainStart> starts;

    ChainWalk(int maxBreaks) {
        this(maxBreaks, Map.of());
    }

    /** @param starts where the chains purged by retention now start: after their last purged record */
    ChainWalk(int maxBreaks, Map<String, AuditArchives.ChainStart> starts) {
        this.maxBreaks = maxBreaks;
        this.starts = starts;
    }

    void accept(DecisionRecord r) {
        if (!r.writerId().equals(writer)) {
            endChain();
            writer = r.writerId();
            chainRecords = 0;
            AuditArchives.ChainStart start = starts.get(writer);
            lastSequence = start == null ? 0 : start.lastSequence();
            lastHash = start == null ? RecordHash.GENESIS : start.lastHash();
            lastPreviousHash = null;
        }
        checked++;
        chainRecords++;
        boolean intact = RecordHash.of(r).equals(r.hash());
        if (!intact) {
            String[] column = disagreeingColumn(r);
            if (column != null) {
                add(r, SUMMARY_COLUMN, column[0], "the record's content does not match its hash: its " + column[0]
                        + " column says " + column[1] + ", its recorded " + column[2] + " says " + column[3]);
            } else {
                add(r, ALTERED, null, "the record's content does not match its hash: it was altered after it was "
                        + "recorded");
            }
        }
        if (r.sequence() == lastSequence && chainRecords > 1) {
            add(r, Objects.equals(r.previousHash(), lastPreviousHash) ? FORKED : INSERTED, null,
                    "a second record at sequence " + r.sequence() + " of its chain"
                            + (Objects.equals(r.previousHash(), lastPreviousHash)
                            ? ", following the same record as the first: the chain was forked"
                            : ": it was inserted"));
        } else if (r.sequence() < lastSequence) {
            add(r, REORDERED, null, "sequence " + r.sequence() + " comes after " + lastSequence + ": the chain's "
                    + "records are out of order");
        } else if (r.sequence() != lastSequence + 1) {
            add(r, DELETED, null, chainRecords == 1
                    ? "the chain starts at sequence " + r.sequence() + ": records " + (lastSequence + 1) + " to "
                            + (r.sequence() - 1) + " are missing, deleted" + (lastSequence == 0 ? ""
                            : " (retention purged it up to " + lastSequence + ")")
                    : "sequence " + r.sequence() + " follows " + lastSequence + ": records in between are missing, "
                            + "deleted");
        } else if (intact && !r.previousHash().equals(lastHash)) {
            add(r, INSERTED, "previousHash", "the record's previous hash is not the hash of record " + lastSequence
                    + " of its chain: a record was inserted or the chain rewritten here");
        }
        if (r.sequence() >= lastSequence) {
            lastSequence = r.sequence();
            lastHash = r.hash();
            lastPreviousHash = r.previousHash();
        }
    }

    private void add(DecisionRecord r, String kind, String field, String reason) {
        breakCount++;
        if (breaks.size() < maxBreaks) {
            breaks.add(new Verification.RecordBreak(kind, r.decisionId(), r.writerId(), r.sequence(), field,
                    reason));
        }
    }

    /**
     * The summary column that disagrees with the hashed answer or request it summarises, as {column, its value,
     * where, the value there}; null when each agrees (then the altered field cannot be known).
     */
    static String[] disagreeingColumn(DecisionRecord r) {
        try {
            JsonNode answer = AnswerDiff.tree(r.answerBody());
            if (!answer.path("verdict").asText().equals(r.verdict())) {
                return new String[] {"verdict", r.verdict(), "answer", answer.path("verdict").asText()};
            }
            if (!answer.path("rulesetVersion").asText().equals(r.rulesetVersion())) {
                return new String[] {"ruleset_version", r.rulesetVersion(), "answer",
                        answer.path("rulesetVersion").asText()};
            }
            if (!answer.path("asOf").asText().equals(String.valueOf(r.asOf()))) {
                return new String[] {"as_of", String.valueOf(r.asOf()), "answer", answer.path("asOf").asText()};
            }
            if (!Objects.equals(answer.path("caseId").isNull() ? null : answer.path("caseId").asText(null),
                    r.caseId())) {
                return new String[] {"case_id", r.caseId(), "answer", answer.path("caseId").asText()};
            }
            JsonNode request = AnswerDiff.tree(r.requestBody());
            String merchant = request.path("merchant").path("merchantId").asText(null);
            if (merchant != null && !merchant.equals(r.merchantId())) {
                return new String[] {"merchant_id", r.merchantId(), "request", merchant};
            }
        } catch (RuntimeException e) {
            return null;
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

    /** The first break found, as verify has always named it; null when none. */
    Verification.Break firstBreak() {
        if (breaks.isEmpty()) {
            return null;
        }
        Verification.RecordBreak first = breaks.get(0);
        return new Verification.Break(first.decisionId(), first.writerId(), first.sequence(), first.reason());
    }

    List<Verification.RecordBreak> breaks() {
        return List.copyOf(breaks);
    }

    long breakCount() {
        return breakCount;
    }

    List<Verification.ChainHead> heads() {
        endChain();
        writer = null;
        return List.copyOf(heads);
    }
}
