-- GET /healthz with common.lua's summary line: the baseline the request-path ratios are taken to.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.path = "/healthz"
