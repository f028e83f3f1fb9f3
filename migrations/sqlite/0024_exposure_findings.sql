-- Findings (issue 17, docs/adr/0021-device-ledger-and-exposure.md): one row per asset × CVE that the feeds
-- and the asset's CPE names make true, with its triage state and every change in finding_events.

-- state: open (未対応), in_progress (対応中), mitigated (対策済), risk_accepted (リスク受容, reason required),
-- false_positive (誤検知). active: 1 while the feeds and the asset still make the finding true; 0 once they no
-- longer do (kept, never deleted); it comes back (active 1, an event) when a new feed makes it true again.
-- matched_cpes: JSON list of the asset's CPE names that satisfied the configuration. priority: the rank key of
-- exposure::priority (higher first), stored so the "fix first" list sorts in the database.
CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    cve_id TEXT NOT NULL,
    matched_cpes TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'mitigated', 'risk_accepted', 'false_positive')),
    state_reason TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    priority INTEGER NOT NULL DEFAULT 0,
    first_found_at TEXT NOT NULL,
    last_matched_at TEXT NOT NULL,
    inactive_since TEXT,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    UNIQUE (asset_id, cve_id),
    CHECK (state <> 'risk_accepted' OR length(state_reason) > 0)
);
CREATE INDEX findings_organisation ON findings (organisation_id, active, state, priority);
CREATE INDEX findings_cve ON findings (cve_id);

-- action: found, state_changed, gone (no longer true), returned (true again). Never updated or deleted.
CREATE TABLE finding_events (
    finding_id INTEGER NOT NULL REFERENCES findings (id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    action TEXT NOT NULL CHECK (action IN ('found', 'state_changed', 'gone', 'returned')),
    from_state TEXT,
    to_state TEXT,
    reason TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL,
    PRIMARY KEY (finding_id, seq)
);
CREATE TRIGGER finding_events_no_update BEFORE UPDATE ON finding_events
BEGIN SELECT RAISE(ABORT, 'finding_events is append-only'); END;
CREATE TRIGGER finding_events_no_delete BEFORE DELETE ON finding_events
BEGIN SELECT RAISE(ABORT, 'finding_events is append-only'); END;
