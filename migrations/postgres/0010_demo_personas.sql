-- Demo installations (see docs/adr/0010-demo-personas.md). `mamori demo` / `serve --demo` writes the one
-- row of demo_installation and creates the persona users with demo_persona = 1. Two-factor authentication
-- is waived only for a persona user in a database that carries the marker: a user invited normally never
-- has the flag, and a real installation never gets the marker (--demo refuses a database with real users).
CREATE TABLE demo_installation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    created_at TEXT NOT NULL
);

ALTER TABLE users ADD COLUMN demo_persona INTEGER NOT NULL DEFAULT 0 CHECK (demo_persona IN (0, 1));
