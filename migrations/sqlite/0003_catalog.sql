-- Imported checklist catalog revisions (mamori catalog import). Revision 1 of the editions that ship with
-- mamori is embedded in the binary and is not stored here. A row is never changed or deleted: a corrected
-- file becomes the next revision of its edition, and assessments pin (edition_id, revision).
-- `content` is the normalized edition bundle (JSON text, kept as text so its bytes stay exactly as stored);
-- `sha256` identifies the edition document's content (compact JSON); `seq` is the import order, in which
-- the bundles are applied at start.
CREATE TABLE catalog_revisions (
    seq INTEGER PRIMARY KEY,
    edition_id TEXT NOT NULL CHECK (length(edition_id) > 0),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    content TEXT NOT NULL CHECK (length(content) > 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    imported_at TEXT NOT NULL,
    source TEXT NOT NULL,
    UNIQUE (edition_id, revision)
);

CREATE TRIGGER catalog_revisions_no_update BEFORE UPDATE ON catalog_revisions
BEGIN
    SELECT RAISE(ABORT, 'catalog revisions are immutable: import a corrected file as a new revision');
END;

CREATE TRIGGER catalog_revisions_no_delete BEFORE DELETE ON catalog_revisions
BEGIN
    SELECT RAISE(ABORT, 'catalog revisions are immutable: import a corrected file as a new revision');
END;
