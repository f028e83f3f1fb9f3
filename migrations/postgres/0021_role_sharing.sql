-- The 役割分担確認表 of each contract (issue 16 item 5; docs/role-sharing-api.md): per system of the register,
-- with the vendor organisation the system names, one row per answered row of the table
-- (reference/role-sharing-table.json; row_id is a row's id there). Both parties write; every change is
-- kept in role_sharing_changes (append-only). A contract is (system, vendor): when a system's vendor
-- changes, the new vendor starts with an empty table and the old one's is kept.
CREATE TABLE role_sharing_checks (
    system_id BIGINT NOT NULL REFERENCES systems (id),
    vendor_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    row_id TEXT NOT NULL CHECK (length(row_id) BETWEEN 1 AND 60),
    first_answer TEXT CHECK (first_answer IS NULL OR first_answer IN ('yes', 'no')),
    first_checked_on TEXT CHECK (first_checked_on IS NULL OR length(first_checked_on) = 10),
    completed_on TEXT CHECK (completed_on IS NULL OR length(completed_on) = 10),
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL CHECK (version >= 1),
    updated_by BIGINT REFERENCES users (id),
    updated_side TEXT NOT NULL CHECK (updated_side IN ('institution', 'vendor')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (system_id, vendor_organisation_id, row_id),
    CHECK ((first_answer IS NULL) = (first_checked_on IS NULL)),
    CHECK (completed_on IS NULL OR (first_answer = 'no' AND completed_on >= first_checked_on))
);

-- Every change of a row: who (user and organisation), which side, the fields before and after (JSON).
CREATE TABLE role_sharing_changes (
    system_id BIGINT NOT NULL,
    vendor_organisation_id BIGINT NOT NULL,
    row_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    side TEXT NOT NULL CHECK (side IN ('institution', 'vendor')),
    user_id BIGINT REFERENCES users (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    before_values TEXT NOT NULL,
    after_values TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (system_id, vendor_organisation_id, row_id, version),
    FOREIGN KEY (system_id, vendor_organisation_id, row_id)
        REFERENCES role_sharing_checks (system_id, vendor_organisation_id, row_id)
);
CREATE FUNCTION role_sharing_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'role_sharing_changes is append-only'; END; $$;
CREATE TRIGGER role_sharing_changes_no_change BEFORE UPDATE OR DELETE ON role_sharing_changes
FOR EACH ROW EXECUTE FUNCTION role_sharing_changes_append_only();
