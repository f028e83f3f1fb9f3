#!/usr/bin/env bash
# Where a request spends its work: the server under callgrind (instructions, repeatable on a busy machine)
# on a fresh SQLite database with demo data, loaded by wrk with one connection for DURATION seconds per
# target; writes one callgrind file per target and prints the instructions per request of each.
# Read a profile with: callgrind_annotate --inclusive=yes OUT/callgrind.TARGET | less
# Usage: DURATION=10 bench/profile_request_path.sh [build-dir] [out-dir] [targets…]
#   targets: healthz me assessment_load answer_save (the default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
out=${2:-build/profile}
shift $(($# < 2 ? $# : 2))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(healthz me assessment_load answer_save)
bin="$PWD/$build/mamori"
[ -x "$bin" ] || { echo "no $bin: run scripts/build.sh release first" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"
url="sqlite:$work/bench.db"
"$bin" demo --organisations-only --database "$url" --institutions 1 >/dev/null 2>"$work/demo.log"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.%p" \
  "$bin" serve --listen 127.0.0.1:0 --database "$url" >"$work/server.out" 2>"$work/server.log" &
pid=$!
for _ in $(seq 600); do grep -q 'running at' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://[^ ]*' "$work/server.out")
base=${base%/}
python3 bench/backend_load.py "$url" "$base/" 1 "$work" >/dev/null
for target in "${targets[@]}"; do
  callgrind_control -z "$pid" >/dev/null 2>&1
  summary=$(BENCH_LUA_DIR="$PWD/bench/wrk" BENCH_USERS="$work/editors.txt" BENCH_LINE=0 \
    wrk -t1 -c1 -d"${DURATION:-10}s" -s "bench/wrk/$target.lua" "$base" | tail -n 1)
  callgrind_control -d "$target" "$pid" >/dev/null 2>&1
  dump=$(grep -l "^desc: Trigger: dump $target\$" "$work"/callgrind.*.* | tail -n 1)
  mv "$dump" "$out/callgrind.$target"
  instructions=$(awk '/^summary:/ {print $2}' "$out/callgrind.$target")
  requests=$(jq -r .requests <<<"$summary")
  echo "$target: $requests requests, $((instructions / requests)) instructions per request"
done
