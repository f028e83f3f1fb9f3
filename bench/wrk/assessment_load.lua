-- GET /api/v1/assessments/{id}: the whole checklist page of the user's own institution.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  local user = read_user()
  wrk.method = "GET"
  wrk.path = "/api/v1/assessments/" .. user.assessment
  wrk.headers["Cookie"] = "mamori_session=" .. user.cookie
end
