-- An improvement request made from a finding (指摘) of the on-site record names that record line, so a
-- finding is turned into a request once only. NULL: a request made by picking an item (no line).
ALTER TABLE improvement_requests ADD COLUMN record_row_key TEXT;
CREATE UNIQUE INDEX improvement_requests_record_line ON improvement_requests (visit_id, canonical_id, record_row_key)
    WHERE record_row_key IS NOT NULL;
