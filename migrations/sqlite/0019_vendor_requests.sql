-- 事業者確認用 requests (issue 16 item 3, docs/adr/0020-vendor-answer-sets-and-shared-versions.md): an
-- institution asks the vendor of one of its systems for the vendor form of a fiscal year; the vendor keeps one
-- answer set per product and fiscal year, may override single lines for one customer, and shares: each share
-- makes an immutable version of the request. Answers are compact JSON arrays of answer lines
-- ({canonical_id, row_key, value, confirmed_on, target_date, note}) in row order.

-- The vendor's answers for one product and fiscal year (the newest; every saved version below).
CREATE TABLE vendor_answer_sets (
    vendor_product_id INTEGER NOT NULL REFERENCES vendor_products (id),
    fiscal_year INTEGER NOT NULL,
    edition_id TEXT NOT NULL,
    edition_revision INTEGER NOT NULL,
    form_id TEXT NOT NULL,
    answers TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (vendor_product_id, fiscal_year)
);

CREATE TABLE vendor_answer_set_versions (
    vendor_product_id INTEGER NOT NULL REFERENCES vendor_products (id),
    fiscal_year INTEGER NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    edition_id TEXT NOT NULL,
    edition_revision INTEGER NOT NULL,
    answers TEXT NOT NULL,
    saved_by INTEGER REFERENCES users (id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (vendor_product_id, fiscal_year, version)
);
CREATE TRIGGER vendor_answer_set_versions_no_update BEFORE UPDATE ON vendor_answer_set_versions
BEGIN SELECT RAISE(ABORT, 'vendor_answer_set_versions is append-only'); END;
CREATE TRIGGER vendor_answer_set_versions_no_delete BEFORE DELETE ON vendor_answer_set_versions
BEGIN SELECT RAISE(ABORT, 'vendor_answer_set_versions is append-only'); END;

-- status: requested, answered, returned, declined, withdrawn (src/vendors/vendor_request.cpp decides the
-- moves); version: the row's own version for optimistic locking; latest_version: the newest shared version
-- (0 = none yet).
CREATE TABLE vendor_requests (
    id INTEGER PRIMARY KEY,
    institution_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    system_id INTEGER NOT NULL REFERENCES systems (id),
    vendor_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    vendor_product_id INTEGER REFERENCES vendor_products (id),
    fiscal_year INTEGER NOT NULL,
    edition_id TEXT NOT NULL,
    edition_revision INTEGER NOT NULL,
    form_id TEXT NOT NULL,
    due_on TEXT NOT NULL CHECK (length(due_on) = 10),
    asks_disclosure INTEGER NOT NULL DEFAULT 0 CHECK (asks_disclosure IN (0, 1)),
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('requested', 'answered', 'returned', 'declined', 'withdrawn')),
    reason TEXT NOT NULL DEFAULT '',
    latest_version INTEGER NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    requested_by INTEGER REFERENCES users (id),
    requested_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX vendor_requests_one_open ON vendor_requests (system_id, fiscal_year) WHERE status <> 'withdrawn';
CREATE INDEX vendor_requests_institution ON vendor_requests (institution_organisation_id, fiscal_year, status);
CREATE INDEX vendor_requests_vendor_status ON vendor_requests (vendor_organisation_id, status, due_on);
CREATE INDEX vendor_requests_vendor_due ON vendor_requests (vendor_organisation_id, due_on, id);
CREATE INDEX vendor_requests_vendor_institution ON vendor_requests (vendor_organisation_id, institution_organisation_id);
CREATE INDEX vendor_requests_vendor_product ON vendor_requests (vendor_organisation_id, vendor_product_id);

-- One customer's overrides laid over the product's answers at the next share (replaced as a whole; the audit
-- entry keeps what was there before).
CREATE TABLE vendor_request_overrides (
    request_id INTEGER PRIMARY KEY REFERENCES vendor_requests (id),
    answers TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL
);

-- Every shared version as the institution saw it. Never updated or deleted.
CREATE TABLE vendor_request_versions (
    request_id INTEGER NOT NULL REFERENCES vendor_requests (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    answers TEXT NOT NULL,
    vendor_product_id INTEGER REFERENCES vendor_products (id),
    product_answers_version INTEGER NOT NULL DEFAULT 0,
    shared_by INTEGER REFERENCES users (id),
    shared_at TEXT NOT NULL,
    PRIMARY KEY (request_id, version)
);
CREATE TRIGGER vendor_request_versions_no_update BEFORE UPDATE ON vendor_request_versions
BEGIN SELECT RAISE(ABORT, 'vendor_request_versions is append-only'); END;
CREATE TRIGGER vendor_request_versions_no_delete BEFORE DELETE ON vendor_request_versions
BEGIN SELECT RAISE(ABORT, 'vendor_request_versions is append-only'); END;

-- The request's history: every move (requested, share, return_for_correction, decline, ask_again, withdraw).
CREATE TABLE vendor_request_events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES vendor_requests (id),
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id),
    at TEXT NOT NULL
);
CREATE INDEX vendor_request_events_request ON vendor_request_events (request_id, id);
CREATE TRIGGER vendor_request_events_no_update BEFORE UPDATE ON vendor_request_events
BEGIN SELECT RAISE(ABORT, 'vendor_request_events is append-only'); END;
CREATE TRIGGER vendor_request_events_no_delete BEFORE DELETE ON vendor_request_events
BEGIN SELECT RAISE(ABORT, 'vendor_request_events is append-only'); END;
