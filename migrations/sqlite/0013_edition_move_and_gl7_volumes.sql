-- Moving a checklist onto a newer edition of the same fiscal year (ADR 0017). Each choice an institution makes
-- about an offered edition revision is one row: `moved` (the assessment now pins the new edition, revision
-- and form; the row keeps where it came from) or `declined` (it stays, and that revision is not offered
-- again). Rows are never updated or deleted; at most one choice per assessment and offered revision.
CREATE TABLE assessment_edition_choices (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    edition TEXT NOT NULL CHECK (length(edition) BETWEEN 1 AND 64),
    edition_revision INTEGER NOT NULL CHECK (edition_revision >= 1),
    choice TEXT NOT NULL CHECK (choice IN ('moved', 'declined')),
    from_edition TEXT NOT NULL,
    from_revision INTEGER NOT NULL CHECK (from_revision >= 1),
    from_form TEXT NOT NULL,
    carried_lines INTEGER NOT NULL DEFAULT 0 CHECK (carried_lines >= 0),
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL,
    UNIQUE (assessment_id, edition, edition_revision)
);
CREATE TRIGGER assessment_edition_choices_no_update BEFORE UPDATE ON assessment_edition_choices
BEGIN SELECT RAISE(ABORT, 'assessment_edition_choices is append-only'); END;
CREATE TRIGGER assessment_edition_choices_no_delete BEFORE DELETE ON assessment_edition_choices
BEGIN SELECT RAISE(ABORT, 'assessment_edition_choices is append-only'); END;

-- Guideline 第7.0版 per institution: whether the contract (契約書・約款・SLA) makes the vendor responsible for
-- every server's security updates: 'yes', 'no', 'unknown', or NULL when not recorded yet. Its history is
-- the audit log (before and after of every change).
ALTER TABLE organisations ADD COLUMN vendor_update_responsibility TEXT
    CHECK (vendor_update_responsibility IS NULL OR vendor_update_responsibility IN ('yes', 'no', 'unknown'));
