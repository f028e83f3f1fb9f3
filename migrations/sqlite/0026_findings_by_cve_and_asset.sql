-- A feed delta compares only the findings of the CVEs it changed, for a batch of assets at a time
-- (src/services/exposure_matching.cpp): with the asset beside the CVE in the index, the rows of other assets are
-- passed over inside the index instead of each being read from the table.
DROP INDEX findings_cve;
CREATE INDEX findings_cve ON findings (cve_id, asset_id);
