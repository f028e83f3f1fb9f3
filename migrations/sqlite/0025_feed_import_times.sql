-- The newest import time of the CVEs and of KEV tells each process whether its in-memory feed index is still
-- current (src/services/exposure_matching.cpp); indexed so that asking costs a lookup, not a scan.
CREATE INDEX cves_imported_at ON cves (imported_at);
CREATE INDEX kev_entries_imported_at ON kev_entries (imported_at);
