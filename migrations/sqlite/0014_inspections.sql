-- Inspections (立入検査, 医療法第25条第1項): the yearly plan of a health centre or prefecture, the on-site
-- record against a frozen checklist of record, and improvement requests (改善指導) the institution answers.
-- Every change keeps its history: visits and requests in append-only event tables, record lines in
-- append-only versions. See docs/adr/0018-inspections.md.

-- The jurisdiction list sorts by name and cuts a page: an index lets both databases stop after the page.
CREATE INDEX organisations_name ON organisations (name, id);
-- Its filters "a いいえ" and "a いいえ past its target date" look for such answers of each checklist.
CREATE INDEX answers_open_no ON answers (assessment_id, target_date) WHERE value = 'no' AND needs_reconfirmation = 0;

-- A prefecture's own inspection frequency, per class; a class without a row follows the national default
-- (inspection/frequency.cpp). every_years NULL: on cause only (随時).
CREATE TABLE inspection_policies (
    prefecture_code TEXT NOT NULL REFERENCES prefectures (code),
    inspection_class TEXT NOT NULL CHECK (inspection_class IN ('hospital', 'clinic_with_beds',
                                                               'clinic_without_beds', 'dental_clinic', 'pharmacy')),
    every_years INTEGER CHECK (every_years IS NULL OR every_years BETWEEN 1 AND 10),
    source TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (prefecture_code, inspection_class)
);

-- One planned visit of an institution. `inspecting_organisation_id`: the health centre (or prefecture)
-- whose inspectors go. Dates are YYYY-MM-DD; checklist_due_on is the date the notice asks the institution
-- to have this fiscal year's checklist submitted by.
CREATE TABLE inspection_visits (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    inspecting_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    reason TEXT NOT NULL CHECK (reason IN ('regular', 'cause')),
    planned_on TEXT CHECK (planned_on IS NULL OR length(planned_on) = 10),
    status TEXT NOT NULL CHECK (status IN ('planned', 'notified', 'postponed', 'done')),
    postponed_reason TEXT,
    checklist_due_on TEXT CHECK (checklist_due_on IS NULL OR length(checklist_due_on) = 10),
    notified_at TEXT,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL
);
CREATE INDEX inspection_visits_organisation ON inspection_visits (organisation_id, fiscal_year);
CREATE INDEX inspection_visits_inspecting ON inspection_visits (inspecting_organisation_id, fiscal_year);

CREATE TABLE inspection_visit_inspectors (
    visit_id INTEGER NOT NULL REFERENCES inspection_visits (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (visit_id, user_id)
);

-- What happened to a visit, in order: created, changed (detail: before/after), notify, postpone (reason),
-- reschedule, complete, imported. Never updated or deleted.
CREATE TABLE inspection_visit_events (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES inspection_visits (id),
    action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
    detail TEXT NOT NULL DEFAULT '{}',
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL
);
CREATE INDEX inspection_visit_events_visit ON inspection_visit_events (visit_id);
CREATE TRIGGER inspection_visit_events_no_update BEFORE UPDATE ON inspection_visit_events
BEGIN SELECT RAISE(ABORT, 'inspection_visit_events is append-only'); END;
CREATE TRIGGER inspection_visit_events_no_delete BEFORE DELETE ON inspection_visit_events
BEGIN SELECT RAISE(ABORT, 'inspection_visit_events is append-only'); END;

-- The on-site record of a visit. checklist_of_record: the institution's checklist as it stood when the
-- record started (JSON; later edits by the institution do not change it); NULL assessment: none existed.
-- summary: the 結果 the institution receives. Internal notes live on the lines and never reach it.
CREATE TABLE inspection_records (
    visit_id INTEGER PRIMARY KEY REFERENCES inspection_visits (id),
    assessment_id INTEGER REFERENCES assessments (id),
    checklist_of_record TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
    summary TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    started_by INTEGER REFERENCES users (id),
    started_at TEXT NOT NULL,
    completed_by INTEGER REFERENCES users (id),
    completed_at TEXT
);

-- One checklist line as the inspector found it: 確認 / 記載不備 / 指摘 (finding text, shown to the
-- institution), an internal note, the evidence seen. `version` is what offline devices sync against.
CREATE TABLE inspection_record_lines (
    visit_id INTEGER NOT NULL REFERENCES inspection_records (visit_id),
    canonical_id TEXT NOT NULL,
    row_key TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'incomplete', 'finding')),
    finding TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    evidence_seen TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL CHECK (version >= 1),
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (visit_id, canonical_id, row_key),
    CHECK ((verdict = 'finding') = (length(finding) > 0))
);

CREATE TABLE inspection_record_line_versions (
    visit_id INTEGER NOT NULL,
    canonical_id TEXT NOT NULL,
    row_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    finding TEXT NOT NULL,
    note TEXT NOT NULL,
    evidence_seen TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '',
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (visit_id, canonical_id, row_key, version),
    FOREIGN KEY (visit_id, canonical_id, row_key) REFERENCES inspection_record_lines (visit_id, canonical_id, row_key)
);
CREATE TRIGGER inspection_record_line_versions_no_update BEFORE UPDATE ON inspection_record_line_versions
BEGIN SELECT RAISE(ABORT, 'inspection_record_line_versions is append-only'); END;
CREATE TRIGGER inspection_record_line_versions_no_delete BEFORE DELETE ON inspection_record_line_versions
BEGIN SELECT RAISE(ABORT, 'inspection_record_line_versions is append-only'); END;

-- An improvement request (改善指導) from a finding: the item it concerns, what to improve, by when.
CREATE TABLE improvement_requests (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES inspection_visits (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    canonical_id TEXT,
    text TEXT NOT NULL CHECK (length(text) > 0),
    due_on TEXT NOT NULL CHECK (length(due_on) = 10),
    status TEXT NOT NULL CHECK (status IN ('open', 'plan_submitted', 'completion_reported', 'returned', 'closed')),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX improvement_requests_organisation ON improvement_requests (organisation_id, status);
CREATE INDEX improvement_requests_visit ON improvement_requests (visit_id);

-- Each step of a request, who took it, when and why: the institution's plan (改善計画) and completion
-- report with evidence (a stored evidence blob), the inspector's closing or sending back with a reason.
CREATE TABLE improvement_request_events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES improvement_requests (id),
    action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
    text TEXT NOT NULL DEFAULT '',
    evidence_sha256 TEXT REFERENCES evidence_blobs (sha256),
    file_name TEXT,
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL
);
CREATE INDEX improvement_request_events_request ON improvement_request_events (request_id);
CREATE TRIGGER improvement_request_events_no_update BEFORE UPDATE ON improvement_request_events
BEGIN SELECT RAISE(ABORT, 'improvement_request_events is append-only'); END;
CREATE TRIGGER improvement_request_events_no_delete BEFORE DELETE ON improvement_request_events
BEGIN SELECT RAISE(ABORT, 'improvement_request_events is append-only'); END;
