-- GET /api/v1/me: the cheapest authenticated read (session and caller lookup, no domain work).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  local user = read_user()
  wrk.method = "GET"
  wrk.path = "/api/v1/me"
  wrk.headers["Cookie"] = "mamori_session=" .. user.cookie
end
