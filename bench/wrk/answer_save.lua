-- PUT /api/v1/assessments/{id}/answers/{item}/{row}: the user saves one line, alternating はい and いいえ (with a
-- target date) so every save stores a new version, sending the version it last saw as an editor's browser does.
-- Each run saves a line not saved before (BENCH_LINE, counted by the caller), so the first version is 0.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local user, path, version, saves

function init(args)
  user = read_user()
  local line = user.lines[tonumber(os.getenv("BENCH_LINE")) + 1]
  if line == nil then error("no unsaved line left: fewer save runs or a longer checklist") end
  path = "/api/v1/assessments/" .. user.assessment .. "/answers/" .. line
  version, saves = 0, 0
  wrk.headers["Cookie"] = "mamori_session=" .. user.cookie
  wrk.headers["X-CSRF-Token"] = user.csrf
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body
  if saves % 2 == 0 then
    body = string.format('{"version":%d,"value":"yes","confirmed_on":"%s"}', version, user.today)
  else
    body = string.format('{"version":%d,"value":"no","confirmed_on":"%s","target_date":"%d-03-31"}', version,
                         user.today, user.fiscal_year + 1)
  end
  return wrk.format("PUT", path, nil, body)
end

function response(status, headers, body)
  if status == 200 then
    local answer = body:match('"answer":(%b{})')
    version = tonumber(answer:match('"version":(%d+)'))
    saves = saves + 1
  end
end
