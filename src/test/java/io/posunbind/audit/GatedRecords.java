package io.posunbind.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.posunbind.storage.Storage.Database;

/**
 * The decision_record table behind a gate: the first transaction waits until the test opens it, every
 * transaction is counted, and one batch can be made to break the foreign key on its last row.
 */
final class GatedRecords extends DecisionRecords {
    final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile boolean breakNext;

    GatedRecords(Database database) {
        super(database);
    }

    void open() {
        gate.countDown();
    }

    void breakLastRowOfNextBatch() {
        breakNext = true;
    }

    int transactions() {
        return transactions.get();
    }

    @Override
    void appendAll(List<DecisionRecord> records) throws SQLException {
        transactions.incrementAndGet();
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        }
        if (breakNext && transactions.get() > 1) {
            breakNext = false;
            List<DecisionRecord> broken = new ArrayList<>(records);
            DecisionRecord last = broken.remove(broken.size() - 1);
            broken.add(new DecisionRecord(last.decisionId(), last.writerId(), last.sequence(),
                    last.recordedAt(), last.requestedBy(), last.idempotencyKey(), "sha256:no-such-rule-set",
                    last.asOf(), last.caseId(), last.merchantId(), last.verdict(), last.requestBody(),
                    last.answerBody(), last.previousHash(), last.hash()));
            super.appendAll(broken);
            return;
        }
        super.appendAll(records);
    }
}
