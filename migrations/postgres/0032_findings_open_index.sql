-- The institution's findings index holds only active findings, without their priority (issue 17's feed delta):
-- every list and count over an institution's findings asks for active ones and sorts them after joining the
-- CVE's score, so `priority` in the index ordered nothing, yet moved the entry on every re-prioritised finding,
-- and inactive entries only grew the index. Now a priority change leaves the index alone, a finding gone only
-- leaves it, and a new finding goes at the end of its institution's entries (by id) instead of a random page.
DROP INDEX findings_organisation;
CREATE INDEX findings_organisation ON findings (organisation_id, state) WHERE active = 1;
-- On PostgreSQL an update that changes no indexed column (a new priority or matched names) can also stay on its
-- page without touching any index (a HOT update).
