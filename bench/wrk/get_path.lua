-- GET the path in BENCH_PATH with the thread's user's session (bench/jurisdiction.sh).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  get_as_user(os.getenv("BENCH_PATH"))
end
