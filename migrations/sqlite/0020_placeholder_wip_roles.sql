-- TEMPORARY placeholder on wip/roles so the migrations stay contiguous; drop it when merging (the real 0020 is another piece's).
SELECT 1;
