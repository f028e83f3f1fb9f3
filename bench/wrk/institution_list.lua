-- GET /api/v1/organisations as a prefecture's viewer: every institution of the prefecture.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  get_as_user("/api/v1/organisations")
end
