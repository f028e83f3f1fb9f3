#!/usr/bin/env bash
# The request path in one run: /healthz, GET /api/v1/me, a clinic's whole checklist, an answer save and the
# first page of a prefecture's institution list (INSTITUTIONS synthetic clinics, default 10,000), on
# SQLite and on PostgreSQL (a private cluster it starts and removes), straight to one app server on loopback.
# Ratios to /healthz of the same run are what count (the machine may be shared). Writes docs/perf.md.
# Reads use wrk -t2 -cCONNECTIONS (two editors, one per wrk thread); saves use USERS threads × 1 connection,
# each editor saving its own line with the version it last saw (more connections per editor would only 409).
# Usage: RUNS=3 DURATION=5 CONNECTIONS=64 USERS=8 INSTITUTIONS=10000 bench/request_path.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
runs=${RUNS:-3}
seconds=${DURATION:-5}
connections=${CONNECTIONS:-64}
users=${USERS:-8}
institutions=${INSTITUTIONS:-10000}
backends=${BACKENDS:-sqlite postgresql}
. bench/bench_setup.sh

# run_wrk NAME THREADS CONNECTIONS: one run; prints common.lua's JSON summary line.
saved_lines=0
run_wrk() {
  local script=() target=$1 users_file="$work/editors.txt"
  [ "$target" = jurisdiction_list ] && users_file="$work/viewer.txt"
  [ "$target" = healthz ] && script=(-s bench/wrk/healthz.lua) || script=(-s "bench/wrk/$target.lua")
  BENCH_LUA_DIR="$PWD/bench/wrk" BENCH_USERS="$users_file" BENCH_LINE=$saved_lines \
    wrk -t"$2" -c"$3" -d"${seconds}s" "${script[@]}" "$base" | tail -n 1
}

rows=""
for backend in $backends; do
  if [ "$backend" = sqlite ]; then url="sqlite:$work/bench.db"; else start_postgres; fi
  "$bin" demo --organisations-only --database "$url" --institutions "$institutions" >/dev/null 2>"$work/demo.log"
  saved_lines=0
  "$bin" serve --listen 127.0.0.1:0 --database "$url" >"$work/server.out" 2>"$work/server.log" &
  pid=$!
  for _ in $(seq 200); do grep -q 'running at' "$work/server.out" 2>/dev/null && break; sleep 0.05; done
  base=$(sed -n 's/^mamori is running at //p' "$work/server.out")
  base=${base%/}
  python3 bench/backend_load.py "$url" "$base/" "$users" "$work" >/dev/null
  run_wrk assessment_load 2 "$connections" >/dev/null # warm-up
  healthz_rps=""
  for target in healthz me assessment_load answer_save jurisdiction_list; do
    threads=2 conns=$connections
    [ "$target" = answer_save ] && threads=$users conns=$users
    rps=(); p99=(); failed=0
    for _ in $(seq "$runs"); do
      out=$(run_wrk "$target" "$threads" "$conns")
      [ "$target" = answer_save ] && saved_lines=$((saved_lines + 1))
      rps+=("$(jq -r .rps <<<"$out")"); p99+=("$(jq -r .p99_ms <<<"$out")")
      failed=$((failed + $(jq -r '.non_2xx + .socket_errors' <<<"$out")))
    done
    m=$(median "${rps[@]}")
    [ "$target" = healthz ] && healthz_rps=$m
    ratio=$(awk -v a="$m" -v b="$healthz_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }')
    case $target in
      healthz) label='`GET /healthz`' ;; me) label='`GET /api/v1/me`' ;;
      assessment_load) label='`GET /api/v1/assessments/{id}` (checklist)' ;;
      answer_save) label="\`PUT …/answers/{item}/{row}\` ($users × 1 connection)" ;;
      jurisdiction_list) label='`GET /api/v1/jurisdiction/checklists` (first page, a prefecture viewer)' ;;
    esac
    rows+="| $label | $backend | $m | $(median "${p99[@]}") | $ratio | $failed | ${rps[*]} |"$'\n'
  done
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=""
done

section=$(cat <<MD
<!-- bench:${SECTION:-request-path}:begin (written by bench/request_path.sh) -->
Command: \`RUNS=$runs DURATION=$seconds CONNECTIONS=$connections USERS=$users INSTITUTIONS=$institutions bench/request_path.sh $build\`
($(date -u +%Y-%m-%d), mamori $("$bin" version | awk '{print $2}'); one app server, straight on loopback, access
log on; demo organisations plus $institutions synthetic clinics in 東京都; reads: wrk -t2 -c$connections with two editors' sessions; saves:
$users editors, one connection each; $runs runs of $seconds s, medians; PostgreSQL in a private cluster with its
default durability; server, database and wrk share the machine's $(nproc) cores$( [ -n "${LOAD_NOTE:-}" ] && echo "; $LOAD_NOTE")).

| request | backend | median requests/s | median p99 (ms) | ÷ /healthz | failed | requests/s per run |
|---|---|---|---|---|---|---|
$rows<!-- bench:${SECTION:-request-path}:end -->
MD
)
python3 bench/write_perf_section.py "${SECTION:-request-path}" "${PERF_HEADING:-## The request path}" "$section"
echo "$section"
