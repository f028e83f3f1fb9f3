-- Reserved: migration 0018 belongs to wip/join (vendor invitations, work in progress). This placeholder only
-- keeps the numbering without gaps on wip/vreq-api; drop it when that branch's 0018 is merged.
SELECT 1;
