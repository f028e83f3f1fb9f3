-- PLACEHOLDER on wip/mds only, so the numbering stays contiguous (0020 is this branch's). The real 0018
-- comes from wip/join under this same name: on merge take that branch's file.
SELECT 1;
