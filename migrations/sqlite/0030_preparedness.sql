-- Preparedness records (issue 19; docs/preparedness-api.md, ADR 0026): an institution's contact chart
-- (one `chart` row with its review, and `contact` rows), backup register (`backup`, `restore_test` whose
-- parent is its backup), drills and incidents. Each row holds the record as the domain stores it
-- (src/preparedness/records.cpp: a JSON object) with an optimistic version; a removed record is kept with
-- status 'removed'. shared_with_jurisdiction: an incident reported to the health centre or prefecture,
-- which may then read it. Every version is kept in preparedness_record_versions (append-only).
CREATE TABLE preparedness_records (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('chart', 'contact', 'backup', 'restore_test', 'drill', 'incident')),
    parent_id INTEGER REFERENCES preparedness_records (id),
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'removed')),
    shared_with_jurisdiction INTEGER NOT NULL DEFAULT 0 CHECK (shared_with_jurisdiction IN (0, 1)),
    version INTEGER NOT NULL CHECK (version >= 1),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    CHECK ((kind = 'restore_test') = (parent_id IS NOT NULL))
);
CREATE INDEX preparedness_records_by_organisation ON preparedness_records (organisation_id, kind, status);
CREATE UNIQUE INDEX preparedness_records_one_chart ON preparedness_records (organisation_id) WHERE kind = 'chart';
CREATE INDEX preparedness_records_shared ON preparedness_records (kind) WHERE shared_with_jurisdiction = 1;

CREATE TABLE preparedness_record_versions (
    record_id INTEGER NOT NULL REFERENCES preparedness_records (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    action TEXT NOT NULL CHECK (action IN ('created', 'changed', 'removed')),
    body TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL,
    PRIMARY KEY (record_id, version)
);
CREATE TRIGGER preparedness_record_versions_no_update BEFORE UPDATE ON preparedness_record_versions
BEGIN SELECT RAISE(ABORT, 'preparedness_record_versions is append-only'); END;
CREATE TRIGGER preparedness_record_versions_no_delete BEFORE DELETE ON preparedness_record_versions
BEGIN SELECT RAISE(ABORT, 'preparedness_record_versions is append-only'); END;
