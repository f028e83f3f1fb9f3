-- The systems register (システム台帳) of each institution (issue 16, docs/adr/0019-vendors-and-systems.md):
-- one row per system with its vendor (a vendor organisation once linked, a name until then), contract,
-- where its data lives, remote maintenance and backup responsibility; every version kept in
-- system_versions (append-only). Also the 法人番号 of organisations, by which vendors are matched later.

ALTER TABLE organisations ADD COLUMN corporate_number TEXT CHECK (corporate_number IS NULL OR length(corporate_number) = 13);
CREATE UNIQUE INDEX organisations_corporate_number ON organisations (corporate_number) WHERE corporate_number IS NOT NULL;

-- kind: a code of reference/system-kinds.json (checked by the service, so a kind is added as data).
-- Dates are YYYY-MM-DD. remote_method only with remote_maintenance = 1.
CREATE TABLE systems (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    name TEXT NOT NULL CHECK (length(name) > 0),
    product_name TEXT NOT NULL DEFAULT '',
    product_version TEXT NOT NULL DEFAULT '',
    vendor_organisation_id INTEGER REFERENCES organisations (id),
    vendor_name TEXT NOT NULL DEFAULT '',
    contract_start TEXT CHECK (contract_start IS NULL OR length(contract_start) = 10),
    contract_end TEXT CHECK (contract_end IS NULL OR length(contract_end) = 10),
    maintenance_contract INTEGER NOT NULL DEFAULT 0 CHECK (maintenance_contract IN (0, 1)),
    subcontracting INTEGER NOT NULL DEFAULT 0 CHECK (subcontracting IN (0, 1)),
    data_location TEXT NOT NULL CHECK (data_location IN ('on_premises', 'cloud')),
    remote_maintenance INTEGER NOT NULL DEFAULT 0 CHECK (remote_maintenance IN (0, 1)),
    remote_method TEXT CHECK (remote_method IS NULL OR remote_method IN ('vpn', 'leased_line', 'internet', 'other')),
    remote_method_note TEXT NOT NULL DEFAULT '',
    remote_device TEXT NOT NULL DEFAULT '',
    connection_point TEXT NOT NULL DEFAULT '',
    backup_responsibility TEXT NOT NULL CHECK (backup_responsibility IN ('institution', 'vendor', 'shared')),
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'retired')),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    CHECK (remote_maintenance = 1 OR remote_method IS NULL),
    CHECK (contract_start IS NULL OR contract_end IS NULL OR contract_end >= contract_start)
);
CREATE INDEX systems_organisation ON systems (organisation_id, status);
CREATE INDEX systems_vendor ON systems (vendor_organisation_id) WHERE vendor_organisation_id IS NOT NULL;

-- Every version of a system as it was (snapshot: the system's fields as JSON), who made it, when, and
-- which fields changed (JSON list; the action created, changed or retired). Never updated or deleted.
CREATE TABLE system_versions (
    system_id INTEGER NOT NULL REFERENCES systems (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    action TEXT NOT NULL CHECK (action IN ('created', 'changed', 'retired')),
    snapshot TEXT NOT NULL,
    changed_fields TEXT NOT NULL DEFAULT '[]',
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL,
    PRIMARY KEY (system_id, version)
);
CREATE TRIGGER system_versions_no_update BEFORE UPDATE ON system_versions
BEGIN SELECT RAISE(ABORT, 'system_versions is append-only'); END;
CREATE TRIGGER system_versions_no_delete BEFORE DELETE ON system_versions
BEGIN SELECT RAISE(ABORT, 'system_versions is append-only'); END;
