-- The last whole match of each asset (docs/adr/0027-exposure-match-digests.md): `digest` is a hash of the findings
-- that match made true (CVE, matched CPE names, priority), so a later match that makes the same ones true skips
-- reading and comparing them; NULL when a feed delta has changed some of them since (the next whole match
-- compares them all again). `matched_at` is when the asset was last matched against every CVE: its active
-- findings were confirmed true then.
CREATE TABLE asset_matches (
    asset_id INTEGER PRIMARY KEY REFERENCES assets (id),
    digest TEXT,
    matched_at TEXT NOT NULL
);
