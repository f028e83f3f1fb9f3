-- An institution's answers to the rows of the cyber-BCP 確認表 (issue 19; reference/preparedness/bcp-checklist.json,
-- docs/preparedness-api.md): one row per institution and 確認表 row code, the answer as JSON ({status, note,
-- evidence}) with an optimistic version. The rows themselves are data, so a row code is not checked here
-- (an answer to a row later dropped from the data is kept and no longer shown). Every version is kept in
-- preparedness_bcp_answer_versions (append-only).
CREATE TABLE preparedness_bcp_answers (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    row_code TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    UNIQUE (organisation_id, row_code)
);

CREATE TABLE preparedness_bcp_answer_versions (
    answer_id INTEGER NOT NULL REFERENCES preparedness_bcp_answers (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    body TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL,
    PRIMARY KEY (answer_id, version)
);
CREATE TRIGGER preparedness_bcp_answer_versions_no_update BEFORE UPDATE ON preparedness_bcp_answer_versions
BEGIN SELECT RAISE(ABORT, 'preparedness_bcp_answer_versions is append-only'); END;
CREATE TRIGGER preparedness_bcp_answer_versions_no_delete BEFORE DELETE ON preparedness_bcp_answer_versions
BEGIN SELECT RAISE(ABORT, 'preparedness_bcp_answer_versions is append-only'); END;
