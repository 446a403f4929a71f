-- Idempotency-Key, enforced across all instances by a table of its own. On PostgreSQL decision_record is
-- partitioned by month (db/postgresql/V8), and a unique constraint on a partitioned table must include its
-- partition key, so it could no longer say "this key once, in any month". This table can: one row per key, written
-- in the same transaction as the record. Written for H2 (in PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE decision_idempotency (
    idempotency_key  VARCHAR(128)             NOT NULL,
    decision_id      VARCHAR(36)              NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL, -- the record's, so a retention purge removes its keys
    CONSTRAINT decision_idempotency_pk PRIMARY KEY (idempotency_key)
);

INSERT INTO decision_idempotency (idempotency_key, decision_id, recorded_at)
SELECT idempotency_key, decision_id, recorded_at FROM decision_record WHERE idempotency_key IS NOT NULL;
