-- The one-time code that first-run setup asks for (see services/setup_code.cpp): only its hash, in the
-- database so that every app server checks the same code and it outlives a restart. At most one row; it is
-- deleted in the transaction that creates the first administrator.
CREATE TABLE setup_code (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code_hash TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
