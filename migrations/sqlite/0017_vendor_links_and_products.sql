-- Vendors in mamori (issue 16, docs/adr/0019-vendors-and-systems.md): which vendor organisations an
-- institution has linked (by an invitation it sent, or by the operator), the products each vendor offers
-- (its answers to the 事業者確認用 and its MDS/SDS are kept per product), and which product a customer's
-- system is, as the vendor says.

-- A link lets the vendor see the institution (its name and the systems the vendor runs), never more.
-- Ending a link keeps the row (ended_at) so history stays readable.
CREATE TABLE vendor_links (
    institution_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    vendor_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    via TEXT NOT NULL CHECK (via IN ('invitation', 'operator')),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    ended_by INTEGER REFERENCES users (id),
    ended_at TEXT,
    PRIMARY KEY (institution_organisation_id, vendor_organisation_id),
    CHECK (institution_organisation_id <> vendor_organisation_id)
);
CREATE INDEX vendor_links_vendor ON vendor_links (vendor_organisation_id, institution_organisation_id);

CREATE TABLE vendor_products (
    id INTEGER PRIMARY KEY,
    vendor_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 400),
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (vendor_organisation_id, name)
);

-- system_products: the vendor's product that a customer's system is (set by the vendor; one per system).
CREATE TABLE system_products (
    system_id INTEGER PRIMARY KEY REFERENCES systems (id),
    vendor_product_id INTEGER NOT NULL REFERENCES vendor_products (id),
    set_by INTEGER REFERENCES users (id),
    set_at TEXT NOT NULL
);
CREATE INDEX system_products_product ON system_products (vendor_product_id);
