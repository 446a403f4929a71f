-- Backtests (simulations) and their reports, readable from every instance. A report is a computation over the
-- decision log, not a record of it: the row is written when the simulation starts, its progress and its report
-- when it ends. Written for H2 (in PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE simulation_report (
    simulation_id VARCHAR(120)             NOT NULL, -- a UUID, or shadow-<session>-<instance>
    version       VARCHAR(80)              NOT NULL, -- the candidate
    baseline      VARCHAR(80)              NOT NULL, -- the version compared with, or recorded
    status        VARCHAR(16)              NOT NULL, -- RUNNING | DONE | FAILED
    processed     INTEGER                  NOT NULL,
    total         INTEGER,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    error         VARCHAR,
    report        TEXT,                              -- JSON, once done
    instance_id   VARCHAR(64)              NOT NULL, -- the instance that runs it
    CONSTRAINT simulation_report_pk PRIMARY KEY (simulation_id)
);

CREATE INDEX simulation_report_started_ix ON simulation_report (started_at);
