-- Reserved: migration 0015 belongs to another branch of issue 15 (work in progress). This placeholder only
-- keeps the numbering without gaps on wip/cycle; drop it when that branch's 0015 is merged.
SELECT 1;
