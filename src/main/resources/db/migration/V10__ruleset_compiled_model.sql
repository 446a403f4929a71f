-- Compiled rule sets, kept so that a start, an activation or a replay that needs files compiled before, on any
-- instance sharing this database, loads their executable model instead of compiling them again (docs/rulesets.md,
-- "Starting fast"). Not a record: a row may go at any time, and the files are then compiled again. Each row is sealed
-- with an HMAC under a key derived from the audit signing key, which is not in the database; a row whose seal does
-- not hold is deleted and never loaded. Written for H2 (in PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE ruleset_compiled_model (
    model_key VARCHAR(64)              NOT NULL, -- SHA-256 (hex) of the files' text, Drools', Java's and the facts' versions
    model     BYTEA                    NOT NULL, -- the generated classes and the rule models' names, deflated
    seal      BYTEA                    NOT NULL, -- HMAC-SHA256 of the key and the model
    stored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE NOT NULL, -- the least recently used go first
    CONSTRAINT ruleset_compiled_model_pk PRIMARY KEY (model_key)
);
