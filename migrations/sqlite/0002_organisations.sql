-- Organisations: the ministry, prefectures, health centres and institutions form a tree; vendors stand
-- outside it. Identity and access (users, roles, jurisdictions) build on this table.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ministry', 'prefecture', 'health_centre', 'hospital', 'clinic',
                                       'dental_clinic', 'pharmacy', 'vendor')),
    name TEXT NOT NULL CHECK (length(name) > 0),
    parent_id INTEGER REFERENCES organisations (id),
    prefecture_code TEXT REFERENCES prefectures (code),
    municipality_code TEXT CHECK (municipality_code IS NULL OR length(municipality_code) = 6),
    facility_id TEXT UNIQUE,
    address TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX organisations_parent ON organisations (parent_id);
CREATE INDEX organisations_prefecture ON organisations (prefecture_code, kind);
