-- GET /api/v1/jurisdiction/checklists as a prefecture's viewer: the first page of every institution in the
-- prefecture with this fiscal year's checklist status (searched, sorted and paged by the database).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  get_as_user("/api/v1/jurisdiction/checklists")
end
