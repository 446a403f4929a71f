-- PostgreSQL only: decision_record partitioned by month of recorded_at, so a retention purge drops whole months
-- (DROP TABLE of a partition: instant, no dead rows, no vacuum) instead of deleting millions of rows. H2 has no
-- partitions and keeps the table of V1.
--
-- Partitions are named decision_record_yYYYYmMM and hold [first instant of the month, first of the next) in UTC.
-- This migration makes one for every month that holds records and for the current month and the two after it; the
-- service makes each coming month's ahead of time (audit/DecisionPartitions, at startup and every hour). A record
-- outside every month's partition lands in decision_record_default rather than being refused; the service moves
-- such rows into their month's partition when it makes it.
--
-- Unique constraints on a partitioned table must include recorded_at. decision_id stays unique in practice (a
-- UUIDv7 of the service's, and audit_leaf keeps it unique over the whole log); (writer_id, writer_seq) is checked
-- by verify (a second record at the same place is reported "inserted" or "forked"); Idempotency-Key is enforced by
-- decision_idempotency (V7).

ALTER TABLE decision_record RENAME TO decision_record_unpartitioned;
ALTER TABLE decision_record_unpartitioned DROP CONSTRAINT decision_record_pk;
ALTER TABLE decision_record_unpartitioned DROP CONSTRAINT decision_record_chain_uq;
ALTER TABLE decision_record_unpartitioned DROP CONSTRAINT decision_record_idempotency_uq;
ALTER TABLE decision_record_unpartitioned DROP CONSTRAINT decision_record_ruleset_fk;
DROP INDEX decision_record_recorded_ix;
DROP INDEX decision_record_merchant_ix;
DROP INDEX decision_record_case_ix;

-- The same columns, types and NOT NULLs as V1's table (LIKE), partitioned by month.
CREATE TABLE decision_record (
    LIKE decision_record_unpartitioned INCLUDING DEFAULTS,
    CONSTRAINT decision_record_pk PRIMARY KEY (decision_id, recorded_at),
    CONSTRAINT decision_record_chain_uq UNIQUE (writer_id, writer_seq, recorded_at),
    CONSTRAINT decision_record_ruleset_fk FOREIGN KEY (ruleset_version) REFERENCES ruleset_snapshot (version)
) PARTITION BY RANGE (recorded_at);

CREATE INDEX decision_record_recorded_ix ON decision_record (recorded_at, decision_id);
CREATE INDEX decision_record_merchant_ix ON decision_record (merchant_id, recorded_at, decision_id);
CREATE INDEX decision_record_case_ix ON decision_record (case_id, recorded_at, decision_id);
CREATE INDEX decision_record_idempotency_ix ON decision_record (idempotency_key);

CREATE TABLE decision_record_default PARTITION OF decision_record DEFAULT;

DO $$
DECLARE
    month TIMESTAMP;
    last  TIMESTAMP := date_trunc('month', now() AT TIME ZONE 'UTC') + INTERVAL '2 months';
BEGIN
    SELECT date_trunc('month', COALESCE(MIN(recorded_at), now()) AT TIME ZONE 'UTC')
      INTO month FROM decision_record_unpartitioned;
    WHILE month <= last LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF decision_record FOR VALUES FROM (%L) TO (%L)',
                       'decision_record_' || to_char(month, '"y"YYYY"m"MM'),
                       (month AT TIME ZONE 'UTC'), ((month + INTERVAL '1 month') AT TIME ZONE 'UTC'));
        month := month + INTERVAL '1 month';
    END LOOP;
END $$;

INSERT INTO decision_record SELECT * FROM decision_record_unpartitioned;
DROP TABLE decision_record_unpartitioned;
