#!/usr/bin/env bash
# The jurisdiction views at 東京都's real size: CLINICS clinics and HOSPITALS hospitals (default 14,000 and
# 640) over ten municipalities, 80 % with this fiscal year's checklist (bench/jurisdiction_data.py), on SQLite
# and on PostgreSQL (a private cluster). A prefecture inspector asks for one page of 50 with each filter, the
# summary and the plan's due list; one connection at a time (wrk -t1 -c1), so latency is the server's time plus
# loopback, not queueing.
# Ratios to /healthz of the same run are what count (the machine may be shared). Writes docs/perf.md.
# Usage: RUNS=3 DURATION=5 CLINICS=14000 HOSPITALS=640 bench/jurisdiction.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
runs=${RUNS:-3}
seconds=${DURATION:-5}
clinics=${CLINICS:-14000}
hospitals=${HOSPITALS:-640}
backends=${BACKENDS:-sqlite postgresql}
. bench/bench_setup.sh

list=/api/v1/jurisdiction/checklists
targets=(
  "/healthz|\`GET /healthz\`"
  "$list|list, first page by name"
  "$list?page=200|list, page 200"
  "$list?sort=status|sorted by checklist status"
  "$list?kind=hospital&bed_band=hospital_200_299|hospitals of 200–299 beds"
  "$list?status=not_started|not started"
  "$list?with_no=true|with an いいえ"
  "$list?overdue=true|with an overdue いいえ"
  "$list?municipality=131041&status=draft|one municipality, drafts"
  "$list?q=%E5%90%88%E6%88%90%E8%A8%BA%E7%99%82%E6%89%80001|search by name"
  "/api/v1/inspections/summary|the jurisdiction's summary of the year"
  "/api/v1/inspections/plan/due?page_size=50|the plan's due list"
  "/api/v1/inspections/plan/due?unplanned=true&page=5&page_size=50|due and not planned yet, page 5"
)
[ -n "${EXTRA_TARGETS:-}" ] && IFS=';' read -r -a extra <<<"$EXTRA_TARGETS" && targets+=("${extra[@]}")

rows=""
for backend in $backends; do
  if [ "$backend" = sqlite ]; then url="sqlite:$work/bench.db"; else start_postgres; fi
  "$bin" demo --organisations-only --database "$url" --institutions $((clinics + hospitals)) >/dev/null 2>"$work/demo.log"
  python3 bench/jurisdiction_data.py "$url" "$hospitals" "$work" >&2
  "$bin" serve --listen 127.0.0.1:0 --database "$url" >"$work/server.out" 2>"$work/server.log" &
  pid=$!
  for _ in $(seq 200); do grep -q 'running at' "$work/server.out" 2>/dev/null && break; sleep 0.05; done
  base=$(sed -n 's/^mamori is running at //p' "$work/server.out")
  base=${base%/}
  healthz_rps=""
  for target in "${targets[@]}"; do
    path=${target%%|*} label=${target#*|}
    rps=(); p50=(); p99=(); failed=0
    for _ in $(seq "$runs"); do
      out=$(BENCH_LUA_DIR="$PWD/bench/wrk" BENCH_USERS="$work/viewer.txt" BENCH_PATH="$path" \
        wrk -t1 -c1 -d"${seconds}s" -s bench/wrk/get_path.lua "$base" | tail -n 1)
      rps+=("$(jq -r .rps <<<"$out")"); p50+=("$(jq -r .median_ms <<<"$out")"); p99+=("$(jq -r .p99_ms <<<"$out")")
      failed=$((failed + $(jq -r '.non_2xx + .socket_errors' <<<"$out")))
    done
    m=$(median "${rps[@]}")
    [ "$path" = /healthz ] && healthz_rps=$m
    ratio=$(awk -v a="$m" -v b="$healthz_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }')
    rows+="| $label | $backend | $(median "${p50[@]}") | $(median "${p99[@]}") | $m | $ratio | $failed |"$'\n'
  done
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=""
done

section=$(cat <<MD
<!-- bench:jurisdiction:begin (written by bench/jurisdiction.sh) -->
Command: \`RUNS=$runs DURATION=$seconds CLINICS=$clinics HOSPITALS=$hospitals bench/jurisdiction.sh $build\`
($(date -u +%Y-%m-%d), mamori $("$bin" version | awk '{print $2}'); 東京都 with $clinics clinics and $hospitals hospitals
over ten municipalities, 80 % with this year's checklist of 20 answered lines, hospitals and clinics with beds
inspected in one of the three years before; a prefecture inspector, one
connection (wrk -t1 -c1: latency is server time plus loopback); $runs runs of $seconds s, medians; server,
database and wrk share the machine's $(nproc) cores$( [ -n "${LOAD_NOTE:-}" ] && echo "; $LOAD_NOTE")).

| request (page of 50) | backend | median latency (ms) | median p99 (ms) | requests/s | ÷ /healthz | failed |
|---|---|---|---|---|---|---|
$rows<!-- bench:jurisdiction:end -->
MD
)
python3 bench/write_perf_section.py jurisdiction "## Jurisdiction views at 東京都's size (issue 15)" "$section"
echo "$section"
