-- The audit list by rule-set version reads its page off an index in its order (newest first), as it does by merchant
-- and by case, instead of sorting every record of the version (over a second a page at 1,000,000 records).
--
-- H2 gives a foreign key an index of exactly its columns, and plans the list with that one (ruleset_version alone)
-- even when a better index exists; a second index would also cost every record its bytes. So on H2 the foreign key
-- gives way to the index in the list's order, and a check keeps what the key guaranteed at insert: a record names
-- a stored snapshot. (PostgreSQL keeps its foreign key, which needs no index there: db/postgresql/V9.)
ALTER TABLE decision_record DROP CONSTRAINT decision_record_ruleset_fk;
CREATE INDEX decision_record_version_ix ON decision_record (ruleset_version, recorded_at, decision_id);
ALTER TABLE decision_record ADD CONSTRAINT decision_record_ruleset_ck
    CHECK (EXISTS (SELECT 1 FROM ruleset_snapshot s WHERE s.version = ruleset_version));
