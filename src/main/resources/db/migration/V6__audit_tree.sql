-- The Merkle tree over the decision log (RFC 9162 §2.1) and its signed checkpoints. Each recorded decision becomes a
-- leaf once it is committed: the leaf is its record_hash, leaves are numbered 0, 1, 2, ... in one global order over
-- all writers, and a checkpoint signs the root of the first tree_size leaves with a key the database does not hold.
-- Append-only like the log itself. Written for H2 (in PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE audit_leaf (
    leaf_index   BIGINT      NOT NULL, -- 0, 1, 2, ... with no gap
    decision_id  VARCHAR(36) NOT NULL,
    writer_id    VARCHAR(64) NOT NULL,
    writer_seq   BIGINT      NOT NULL,
    record_hash  VARCHAR(64) NOT NULL, -- the leaf: the record's hash when it was sequenced
    CONSTRAINT audit_leaf_pk PRIMARY KEY (leaf_index),
    CONSTRAINT audit_leaf_decision_uq UNIQUE (decision_id),
    CONSTRAINT audit_leaf_chain_uq UNIQUE (writer_id, writer_seq)
);

-- Signed tree heads: the C2SP signed note of a tlog-checkpoint for the first tree_size leaves.
CREATE TABLE audit_checkpoint (
    tree_size    BIGINT                   NOT NULL,
    root_hash    VARCHAR(64)              NOT NULL, -- hex, the same as the note's base64 root
    signed_note  TEXT                     NOT NULL,
    made_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    made_by      VARCHAR(64)              NOT NULL, -- the writer id of the instance that signed it
    CONSTRAINT audit_checkpoint_pk PRIMARY KEY (tree_size)
);

-- Retention: each purge of the records recorded before recorded_before. Their leaves stay, so the tree and every
-- checkpoint stay valid; verify counts the records gone and checks them against purged_count and purged_root.
CREATE TABLE audit_archive (
    archive_id       BIGINT                   NOT NULL, -- 1, 2, 3, ...
    archived_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_by      VARCHAR                  NOT NULL,
    recorded_before  TIMESTAMP WITH TIME ZONE NOT NULL,
    purged_count     BIGINT                   NOT NULL,
    purged_root      VARCHAR(64)              NOT NULL, -- Merkle root of the purged record hashes in chain order
    tree_size        BIGINT                   NOT NULL, -- the tree when the purge was made
    signed_note      TEXT                     NOT NULL, -- the archival checkpoint: the tree's, with the purge
    CONSTRAINT audit_archive_pk PRIMARY KEY (archive_id)
);

-- Per archive and writer: the last record purged, where the writer's chain now starts.
CREATE TABLE audit_archived_chain (
    archive_id  BIGINT      NOT NULL,
    writer_id   VARCHAR(64) NOT NULL,
    last_seq    BIGINT      NOT NULL,
    last_hash   VARCHAR(64) NOT NULL,
    CONSTRAINT audit_archived_chain_pk PRIMARY KEY (archive_id, writer_id)
);
