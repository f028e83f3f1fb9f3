-- PLACEHOLDER on wip/mds only, so the numbering stays contiguous (0020 is this branch's). The real 0019
-- comes from wip/vreq-api under this same name: on merge take that branch's file.
SELECT 1;
