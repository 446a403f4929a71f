-- The audit store: rule-set snapshots and the decision log. Both tables are append-only: the service has no
-- UPDATE or DELETE path for them. Written for H2 (in PostgreSQL mode) and PostgreSQL alike.

-- Every rule-set version that ever decided, with the text of all its files, so a decision stays replayable after
-- rules/ moved on. The version is the SHA-256 over the decision-affecting files, so the content proves itself.
CREATE TABLE ruleset_snapshot (
    version     VARCHAR(80)              NOT NULL,
    files       TEXT                     NOT NULL, -- JSON object: relative path -> file text
    file_count  INTEGER                  NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ruleset_snapshot_pk PRIMARY KEY (version)
);

-- One row per answered decision. Each writer (one per running service instance) keeps its own hash chain:
-- writer_seq counts 1, 2, 3... and previous_hash is the record_hash of the writer's record before (64 zeros for
-- the first). record_hash covers every other column; docs/audit.md gives the exact encoding.
CREATE TABLE decision_record (
    decision_id      VARCHAR(36)              NOT NULL,
    writer_id        VARCHAR(64)              NOT NULL,
    writer_seq       BIGINT                   NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by     VARCHAR                  NOT NULL,
    idempotency_key  VARCHAR(128),
    ruleset_version  VARCHAR(80)              NOT NULL,
    as_of            DATE                     NOT NULL,
    case_id          VARCHAR,
    merchant_id      VARCHAR,
    verdict          VARCHAR(32)              NOT NULL,
    request_body     BYTEA                    NOT NULL, -- the request bytes as received
    answer_body      BYTEA                    NOT NULL, -- the answer bytes as sent
    previous_hash    VARCHAR(64)              NOT NULL,
    record_hash      VARCHAR(64)              NOT NULL,
    CONSTRAINT decision_record_pk PRIMARY KEY (decision_id),
    CONSTRAINT decision_record_chain_uq UNIQUE (writer_id, writer_seq),
    -- Enforces Idempotency-Key across all instances sharing the database; NULLs (no key) never collide.
    CONSTRAINT decision_record_idempotency_uq UNIQUE (idempotency_key),
    CONSTRAINT decision_record_ruleset_fk FOREIGN KEY (ruleset_version) REFERENCES ruleset_snapshot (version)
);

-- Newest-first listing and keyset paging, alone or by merchant.
CREATE INDEX decision_record_recorded_ix ON decision_record (recorded_at, decision_id);
CREATE INDEX decision_record_merchant_ix ON decision_record (merchant_id, recorded_at, decision_id);
