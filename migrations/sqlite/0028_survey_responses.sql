-- Survey responses (issue 18, item 3; docs/survey-api.md): one per institution, questionnaire and version
-- (reference/surveys/*.json names both), with its status, its revision (optimistic: a write names the
-- revision it read, and the UPDATE's WHERE checks it, so two servers cannot both win) and its answers as a
-- JSON object {question id: option id}. Every revision is kept in survey_response_revisions (append-only).
-- Not in statistics_changes (0027): the analyst view reads the (few thousand) submitted responses per request.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    questionnaire TEXT NOT NULL CHECK (length(questionnaire) BETWEEN 1 AND 40),
    version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    answers TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    submitted_by INTEGER REFERENCES users (id),
    submitted_at TEXT,
    UNIQUE (organisation_id, questionnaire, version),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX survey_responses_by_version ON survey_responses (questionnaire, version, status);

-- Every revision of a response as it was after the write: saved or submitted, by whom, when.
CREATE TABLE survey_response_revisions (
    response_id INTEGER NOT NULL REFERENCES survey_responses (id),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    action TEXT NOT NULL CHECK (action IN ('saved', 'submitted')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    answers TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL,
    PRIMARY KEY (response_id, revision)
);
CREATE TRIGGER survey_response_revisions_no_update BEFORE UPDATE ON survey_response_revisions
BEGIN SELECT RAISE(ABORT, 'survey_response_revisions is append-only'); END;
CREATE TRIGGER survey_response_revisions_no_delete BEFORE DELETE ON survey_response_revisions
BEGIN SELECT RAISE(ABORT, 'survey_response_revisions is append-only'); END;
