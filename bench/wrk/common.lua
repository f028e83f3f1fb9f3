-- Shared by the backend comparison's wrk scripts: each wrk thread has one connection and one user, read
-- from the file named by BENCH_USERS (one line per user: cookie csrf assessment lines fiscal_year today, where
-- lines are the checklist's item/row keys separated by commas),
-- and the summary is printed as one JSON line for bench/backend_load.sh.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

function read_user()
  local n = 0
  for line in io.lines(os.getenv("BENCH_USERS")) do
    n = n + 1
    if n == index then
      local f = {}
      for field in line:gmatch("%S+") do table.insert(f, field) end
      local lines = {}
      for key in f[4]:gmatch("[^,]+") do table.insert(lines, key) end
      return {cookie = f[1], csrf = f[2], assessment = f[3], lines = lines, fiscal_year = tonumber(f[5]),
              today = f[6]}
    end
  end
  error("BENCH_USERS has fewer users than wrk has threads")
end

-- get_as_user: this thread's requests are GET `path` with its user's session.
function get_as_user(path)
  local user = read_user()
  wrk.method = "GET"
  wrk.path = path
  wrk.headers["Cookie"] = "mamori_session=" .. user.cookie
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"rps":%.1f,"median_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"non_2xx":%d,' ..
    '"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
