-- Invitations an institution sends to a vendor (issue 16, docs/vendor-links-api.md): a one-time code, kept
-- only as its hash, that links the vendor organisation which redeems it to the institution and names that
-- vendor on the systems listed with the invitation. Used and revoked invitations are kept.
CREATE TABLE vendor_invitations (
    id INTEGER PRIMARY KEY,
    institution_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    vendor_name TEXT NOT NULL CHECK (length(vendor_name) BETWEEN 1 AND 400),
    corporate_number TEXT CHECK (corporate_number IS NULL OR length(corporate_number) = 13),
    contact_email TEXT NOT NULL DEFAULT '',
    code_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by INTEGER REFERENCES users (id),
    vendor_organisation_id INTEGER REFERENCES organisations (id),
    revoked_at TEXT,
    revoked_by INTEGER REFERENCES users (id)
);
CREATE INDEX vendor_invitations_institution ON vendor_invitations (institution_organisation_id, created_at);

-- The systems an invitation names: the redeeming vendor is set on each (a new version of the system).
CREATE TABLE vendor_invitation_systems (
    invitation_id INTEGER NOT NULL REFERENCES vendor_invitations (id),
    system_id INTEGER NOT NULL REFERENCES systems (id),
    PRIMARY KEY (invitation_id, system_id)
);
