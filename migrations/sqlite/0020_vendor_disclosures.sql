-- MDS/SDS (製造業者/サービス事業者による医療情報セキュリティ開示書) of a vendor's products (issue 16, item 4;
-- docs/vendor-disclosures-api.md). Every upload is kept: a new one for a product and kind supersedes the one
-- before, a wrong one is withdrawn with a reason (withdrawn_*), never deleted. The file is content-addressed
-- in evidence_blobs, as checklist evidence is.
CREATE TABLE vendor_disclosures (
    id INTEGER PRIMARY KEY,
    vendor_product_id INTEGER NOT NULL REFERENCES vendor_products (id),
    kind TEXT NOT NULL CHECK (kind IN ('mds', 'sds')),
    version_label TEXT NOT NULL CHECK (length(version_label) BETWEEN 1 AND 40),
    issued_on TEXT NOT NULL CHECK (length(issued_on) = 10),
    sha256 TEXT NOT NULL REFERENCES evidence_blobs (sha256),
    file_name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at TEXT NOT NULL,
    withdrawn_by INTEGER REFERENCES users (id),
    withdrawn_at TEXT,
    withdrawn_reason TEXT,
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
);
CREATE INDEX vendor_disclosures_product ON vendor_disclosures (vendor_product_id, kind, id);
