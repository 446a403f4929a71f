package io.posunbind.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * This writer's hash chain. Every service instance writes under a writer id of its own, so instances sharing one
 * database never contend for a chain head: each chains only its own records, and appends are serialised inside
 * the instance. The head (last sequence and hash) moves only after a commit; after a failed append it is read back
 * from the database, since a commit whose acknowledgement was lost may have stored the records after all.
 */
final class WriterChain {
    private final String writerId;
    private final DecisionRecords records;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private long sequence;
    private String head = RecordHash.GENESIS;
    private boolean headUncertain;
    private final Consumer<List<DecisionRecord>> committed;

    WriterChain(String writerId, DecisionRecords records, Clock clock) {
        this(writerId, records, clock, stored -> { });
    }

    /** @param committed told of every append once it is committed (the tree makes leaves of them) */
    WriterChain(String writerId, DecisionRecords records, Clock clock, Consumer<List<DecisionRecord>> committed) {
        this.writerId = writerId;
        this.records = records;
        this.clock = clock;
        this.committed = committed;
    }

    String writerId() {
        return writerId;
    }

    /** Chains the records after the head and stores them in one transaction: all are stored, or none. */
    List<DecisionRecord> append(List<NewRecord> content) throws SQLException {
        lock.lock();
        try {
            if (headUncertain) {
                reloadHead();
            }
            Instant at = RecordHash.storable(clock.instant());
            List<DecisionRecord> chained = new ArrayList<>(content.size());
            long seq = sequence;
            String previous = head;
            for (NewRecord record : content) {
                DecisionRecord stored = record.chained(writerId, ++seq, at, previous);
                chained.add(stored);
                previous = stored.hash();
            }
            try {
                records.appendAll(chained);
            } catch (SQLException | RuntimeException e) {
                headUncertain = true;
                throw e;
            }
            sequence = seq;
            head = previous;
            committed.accept(chained);
            return chained;
        } finally {
            lock.unlock();
        }
    }

    private void reloadHead() throws SQLException {
        Optional<DecisionRecord> last = records.lastOfWriter(writerId);
        sequence = last.map(DecisionRecord::sequence).orElse(0L);
        head = last.map(DecisionRecord::hash).orElse(RecordHash.GENESIS);
        headUncertain = false;
    }
}
