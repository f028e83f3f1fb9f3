-- Self-assessments: one per (institution, fiscal year, form), pinned to the catalog edition revision it was
-- created from. Each answer row keeps its current version in `answers` and every version, the current one
-- included, in `answer_versions` (never updated or deleted), so the full history of an answer is visible
-- and a save that names an outdated version is refused instead of overwriting someone else's change.
-- Evidence files are stored once per content (SHA-256) as base64 text, which both dialects hold alike.

CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    form TEXT NOT NULL CHECK (form IN ('medical', 'pharmacy', 'vendor')),
    edition TEXT NOT NULL,
    edition_revision INTEGER NOT NULL CHECK (edition_revision >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    version INTEGER NOT NULL DEFAULT 1,
    has_vendor_contract INTEGER NOT NULL DEFAULT 1 CHECK (has_vendor_contract IN (0, 1)),
    carried_from INTEGER REFERENCES assessments (id),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    submitted_at TEXT,
    submitted_by INTEGER REFERENCES users (id),
    UNIQUE (organisation_id, fiscal_year, form)
);

CREATE TABLE assessment_events (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    kind TEXT NOT NULL CHECK (kind IN ('created', 'carried_forward', 'submitted', 'reopened', 'imported',
                                       'vendor_contract_changed')),
    reason TEXT,
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL
);
CREATE INDEX assessment_events_assessment ON assessment_events (assessment_id);

CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    canonical_id TEXT NOT NULL,
    row_key TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    value TEXT CHECK (value IS NULL OR value IN ('yes', 'no', 'not_required')),  -- NULL: cleared
    reason TEXT CHECK (reason IS NULL OR reason IN ('gate', 'no_vendor_contract')),
    confirmed_on TEXT,
    target_date TEXT,
    second_value TEXT CHECK (second_value IS NULL OR second_value IN ('yes', 'no')),
    second_confirmed_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    needs_reconfirmation INTEGER NOT NULL DEFAULT 0 CHECK (needs_reconfirmation IN (0, 1)),
    answered_by INTEGER REFERENCES users (id),
    answered_at TEXT NOT NULL,
    UNIQUE (assessment_id, canonical_id, row_key)
);

CREATE TABLE answer_versions (
    answer_id INTEGER NOT NULL REFERENCES answers (id),
    version INTEGER NOT NULL,
    value TEXT,
    reason TEXT,
    confirmed_on TEXT,
    target_date TEXT,
    second_value TEXT,
    second_confirmed_on TEXT,
    note TEXT NOT NULL,
    needs_reconfirmation INTEGER NOT NULL,
    answered_by INTEGER REFERENCES users (id),
    answered_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, version)
);
CREATE TRIGGER answer_versions_no_update BEFORE UPDATE ON answer_versions
BEGIN SELECT RAISE(ABORT, 'answer_versions is append-only'); END;
CREATE TRIGGER answer_versions_no_delete BEFORE DELETE ON answer_versions
BEGIN SELECT RAISE(ABORT, 'answer_versions is append-only'); END;

CREATE TABLE evidence_blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    content_base64 TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    canonical_id TEXT NOT NULL,
    row_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    sha256 TEXT REFERENCES evidence_blobs (sha256),
    file_name TEXT,
    url TEXT,
    title TEXT,
    added_by INTEGER REFERENCES users (id),
    added_at TEXT NOT NULL,
    removed_by INTEGER REFERENCES users (id),
    removed_at TEXT,
    CHECK ((kind = 'file' AND sha256 IS NOT NULL AND file_name IS NOT NULL) OR (kind = 'link' AND url IS NOT NULL))
);
CREATE INDEX evidence_row ON evidence (assessment_id, canonical_id, row_key);
