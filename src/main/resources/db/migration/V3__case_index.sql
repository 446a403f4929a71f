-- The decision list filters by the calling system's case reference too: newest first within a case.
CREATE INDEX decision_record_case_ix ON decision_record (case_id, recorded_at, decision_id);
