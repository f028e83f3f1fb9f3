-- The device ledger (台帳) of each institution (issue 17, docs/adr/0021-device-ledger-and-exposure.md): one row
-- per asset with its class, where it is, what it runs and how it is reached; its addresses and CPE names in
-- child tables (matching across imports and against the vulnerability feeds uses them); every version kept in
-- asset_versions (append-only); imports staged as a preview until a person confirms.

-- class: server, terminal (端末PC), network (ネットワーク機器), media (記録媒体), medical_device (医療機器),
-- connection_point (外部接続点). source: how the asset first came in (manual, template, nmap, glpi,
-- fusioninventory, cyclonedx). system_id links the systems register; system_note is free text when no
-- system row fits. Dates are YYYY-MM-DD, times ISO 8601 UTC.
CREATE TABLE assets (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    asset_class TEXT NOT NULL CHECK (asset_class IN ('server', 'terminal', 'network', 'media', 'medical_device', 'connection_point')),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    location TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    serial TEXT NOT NULL DEFAULT '',
    manufacturer TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    os_name TEXT NOT NULL DEFAULT '',
    os_version TEXT NOT NULL DEFAULT '',
    firmware_version TEXT NOT NULL DEFAULT '',
    system_id INTEGER REFERENCES systems (id),
    system_note TEXT NOT NULL DEFAULT '',
    vendor_managed INTEGER NOT NULL DEFAULT 0 CHECK (vendor_managed IN (0, 1)),
    internet_facing INTEGER NOT NULL DEFAULT 0 CHECK (internet_facing IN (0, 1)),
    remote_maintenance INTEGER NOT NULL DEFAULT 0 CHECK (remote_maintenance IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'retired')),
    source TEXT NOT NULL CHECK (source IN ('manual', 'template', 'nmap', 'glpi', 'fusioninventory', 'cyclonedx')),
    last_seen_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL
);
CREATE INDEX assets_organisation ON assets (organisation_id, status, asset_class);
CREATE INDEX assets_system ON assets (system_id) WHERE system_id IS NOT NULL;
CREATE INDEX assets_serial ON assets (organisation_id, serial) WHERE serial <> '';

-- kind ip: IPv4 dotted or IPv6 compressed lower case; kind mac: six lower-case hex pairs joined by ':'.
CREATE TABLE asset_addresses (
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    kind TEXT NOT NULL CHECK (kind IN ('ip', 'mac')),
    value TEXT NOT NULL CHECK (length(value) BETWEEN 2 AND 64),
    PRIMARY KEY (asset_id, kind, value)
);
CREATE INDEX asset_addresses_value ON asset_addresses (kind, value);

-- cpe: a CPE 2.3 formatted string in canonical form (exposure::to_formatted); part, vendor and product are its
-- 3rd-5th components exactly as written there, the key by which a CVE's configurations find the asset.
-- origin: manual, import (from the file), sbom (a software component), suggestion (a dictionary suggestion
-- that a person confirmed).
CREATE TABLE asset_cpes (
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    cpe TEXT NOT NULL CHECK (length(cpe) BETWEEN 10 AND 500),
    part TEXT NOT NULL CHECK (part IN ('a', 'o', 'h')),
    vendor TEXT NOT NULL,
    product TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('manual', 'import', 'sbom', 'suggestion')),
    PRIMARY KEY (asset_id, cpe)
);
CREATE INDEX asset_cpes_product ON asset_cpes (vendor, product);

-- The software an asset runs as the import saw it (GLPI/FusionInventory packages, SBOM components, nmap
-- services with their port): shown on the asset page; components with a CPE are also in asset_cpes.
CREATE TABLE asset_software (
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    name TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    cpe TEXT NOT NULL DEFAULT '',
    purl TEXT NOT NULL DEFAULT '',
    port TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (asset_id, position)
);

-- Every version of an asset as it was (snapshot: fields, addresses and CPE names as JSON), who or which
-- import made it, when, and which fields changed (JSON list). Never updated or deleted.
CREATE TABLE asset_versions (
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    action TEXT NOT NULL CHECK (action IN ('created', 'changed', 'retired', 'restored')),
    snapshot TEXT NOT NULL,
    changed_fields TEXT NOT NULL DEFAULT '[]',
    user_id INTEGER REFERENCES users (id),
    import_id INTEGER,
    at TEXT NOT NULL,
    PRIMARY KEY (asset_id, version)
);
CREATE TRIGGER asset_versions_no_update BEFORE UPDATE ON asset_versions
BEGIN SELECT RAISE(ABORT, 'asset_versions is append-only'); END;
CREATE TRIGGER asset_versions_no_delete BEFORE DELETE ON asset_versions
BEGIN SELECT RAISE(ABORT, 'asset_versions is append-only'); END;

-- An import: the file as read (format, name, SHA-256, size), its plan as JSON (each device with the action
-- create / update / unchanged, the asset it matched and why, and every error with file, line or XPath and
-- field) and what became of it. status: preview (nothing written to the ledger yet), confirmed, discarded.
CREATE TABLE asset_imports (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    format TEXT NOT NULL CHECK (format IN ('template_csv', 'template_xlsx', 'nmap', 'glpi', 'fusioninventory', 'cyclonedx')),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
    file_size INTEGER NOT NULL CHECK (file_size >= 0),
    plan TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'preview' CHECK (status IN ('preview', 'confirmed', 'discarded')),
    created_count INTEGER NOT NULL DEFAULT 0,
    updated_count INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    decided_by INTEGER REFERENCES users (id),
    decided_at TEXT
);
CREATE INDEX asset_imports_organisation ON asset_imports (organisation_id, created_at);
