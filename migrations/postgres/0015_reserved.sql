-- Reserved: migration 0015 belongs to another branch of issues 15/16 (work in progress). This placeholder only
-- keeps the numbering without gaps on wip/systems; drop it when that branch's 0015 is merged.
SELECT 1;
