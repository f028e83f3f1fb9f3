-- GET /api/v1/organisations as a prefecture's viewer: every institution of the prefecture.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  local user = read_user()
  wrk.method = "GET"
  wrk.path = "/api/v1/organisations"
  wrk.headers["Cookie"] = "mamori_session=" .. user.cookie
end
