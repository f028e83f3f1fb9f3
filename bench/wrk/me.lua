-- GET /api/v1/me: the cheapest authenticated read (session and caller lookup, no domain work).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  get_as_user("/api/v1/me")
end
