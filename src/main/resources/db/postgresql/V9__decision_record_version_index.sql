-- The audit list by rule-set version reads its page off an index in its order (newest first), as it does by merchant
-- and by case, instead of sorting every record of the version. Each monthly partition gets its index.
CREATE INDEX decision_record_version_ix ON decision_record (ruleset_version, recorded_at, decision_id);
