-- Drafts of catalog editions in the edition editor (ADR 0016). A draft is an edition bundle (the JSON that
-- `mamori catalog import` takes) being edited; publishing imports it as the next revision of its edition.
-- `document` is the current text; every saved version, the first included, is kept in
-- `edition_draft_versions` (never updated or deleted). At most one open draft per edition: the partial unique
-- index makes a second start fail whatever the number of servers and workers.
CREATE TABLE edition_drafts (
    id INTEGER PRIMARY KEY,
    edition_id TEXT NOT NULL CHECK (length(edition_id) BETWEEN 1 AND 40),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    based_on_edition TEXT NOT NULL,
    based_on_revision INTEGER NOT NULL CHECK (based_on_revision >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'discarded')),
    version INTEGER NOT NULL CHECK (version >= 1),
    document TEXT NOT NULL,
    published_revision INTEGER,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX edition_drafts_one_open ON edition_drafts (edition_id) WHERE status = 'draft';

CREATE TABLE edition_draft_versions (
    draft_id INTEGER NOT NULL REFERENCES edition_drafts (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    document TEXT NOT NULL,
    saved_by INTEGER REFERENCES users (id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
);

CREATE TRIGGER edition_draft_versions_no_update BEFORE UPDATE ON edition_draft_versions
BEGIN
    SELECT RAISE(ABORT, 'saved draft versions are history: save a new version');
END;

CREATE TRIGGER edition_draft_versions_no_delete BEFORE DELETE ON edition_draft_versions
BEGIN
    SELECT RAISE(ABORT, 'saved draft versions are history: save a new version');
END;
