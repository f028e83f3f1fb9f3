#!/usr/bin/env bash
# Issue 18's statistics benchmark on SQLite and on PostgreSQL (a private cluster it starts and removes): the
# national synthetic data set (bench/national_data.py) at each scale of SCALES, a ministry analyst's session,
# then per backend and scale: the snapshot's load time and the server's VmRSS once loaded; every statistics
# view and file asked REQUESTS times one after another (server time from the access log: median, p99, max);
# /healthz with wrk in the same run; how soon an answer changed in the database shows in the statistics (an
# UPDATE, then the view asked until its count moves); the database's size. Writes docs/perf.md.
# Usage: SCALES="0.1 1.0" REQUESTS=50 BACKENDS="sqlite postgresql" bench/statistics.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
scales=${SCALES:-0.1 1.0}
requests=${REQUESTS:-50}
backends=${BACKENDS:-sqlite postgresql}
seconds=${DURATION:-5}
export MAMORI_SHARED_DATA=${MAMORI_SHARED_DATA:-$PWD/../shared/data}
. bench/bench_setup.sh
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

views=(
  "context|/api/v1/statistics/context"
  "items|/api/v1/statistics/items?fiscal_year=2025"
  "item|/api/v1/statistics/item?item=IR-03"
  "item|/api/v1/statistics/item?item=IR-03&by=bed_band&prefecture=13"
  "item|/api/v1/statistics/item?item=GOV-01&bed_band=hospital_200_299"
  "item|/api/v1/statistics/item?item=IR-03&by=health_centre&prefecture=01"
  "cross|/api/v1/statistics/cross?item=IR-03"
  "trend|/api/v1/statistics/trend?item=IR-03&by=bed_band"
  "rates|/api/v1/statistics/rates?by=facility_kind"
  "item|/api/v1/statistics/item?item=IR-03&format=xlsx"
  "cross|/api/v1/statistics/cross?item=IR-03&format=csv"
  "trend|/api/v1/statistics/trend?item=IR-03&format=xlsx"
  "open-data|/api/v1/statistics/open-data?fiscal_year=2025"
)
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
rows="" loads="" fresh=""
for backend in $backends; do
  [ "$backend" = postgresql ] && start_postgres
  for scale in $scales; do
    if [ "$backend" = sqlite ]; then
      target="sqlite:$work/national.db"; rm -f "$work"/national.db*
      db_sql() { sqlite3 "${target#sqlite:}" "$1"; }
      size=$(true)
    else
      psql -Xq "$url" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
      target=$url
      db_sql() { psql -XqAt "$target" -c "$1"; }
    fi
    "$bin" demo --organisations-only --database "$target" >/dev/null 2>"$work/demo.log"
    nice -n 19 python3 bench/national_data.py "$target" --seed 18 --scale "$scale" >"$work/generated.txt"
    counts=$(db_sql "SELECT (SELECT count(*) FROM organisations WHERE kind IN ('hospital','clinic','dental_clinic','pharmacy')) || ' institutions, ' || (SELECT count(*) FROM assessments) || ' checklists, ' || (SELECT count(*) FROM answers) || ' answers'")
    if [ "$backend" = sqlite ]; then
      sqlite3 "${target#sqlite:}" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
      size="$(du -cm "$work"/national.db* | tail -n 1 | cut -f1) MB"
    else
      size=$(db_sql 'SELECT pg_size_pretty(pg_database_size(current_database()))')
    fi
    analyst=$(python3 - "$target" <<'PY'
import sys
sys.path.insert(0, "bench")
from bench_db import add_user, connect, sql
connect(sys.argv[1])
ministry = sql("SELECT id FROM organisations WHERE kind = 'ministry';\n")[0][0]
print(add_user(ministry, "analyst@statistics.bench.example", "analyst", enrolled=True)[0])
PY
)
    "$bin" serve --listen 127.0.0.1:0 --database "$target" >"$work/server.out" 2>"$work/server.log" &
    pid=$!
    for _ in $(seq 1200); do grep -q 'statistics snapshot loaded' "$work/server.log" 2>/dev/null && break; sleep 0.1; done
    base=$(sed -n 's/^mamori is running at //p' "$work/server.out"); base=${base%/}
    load_ms=$(grep -o '"msg":"statistics snapshot loaded".*' "$work/server.log" | head -n 1 | grep -oE '"ms":[0-9]+' | cut -d: -f2)
    loads+="| $backend | $scale | $counts | $size | ${load_ms:-?} ms | $(rss) MiB |"$'\n'

    for view in "${views[@]}"; do
      route=${view%%|*} path=${view#*|}
      from=$(($(wc -l <"$work/server.log") + 1))
      for _ in $(seq "$requests"); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: mamori_session=$analyst" "$base$path")
        [ "$code" = 200 ] || { echo "$path: $code" >&2; exit 1; }
      done
      read -r count p50 p99 max < <(server_times "$from" "GET /api/v1/statistics/$route")
      rows+="| $backend | $scale | \`${path#/api/v1/statistics/}\` | $count | $p50 | $p99 | $max |"$'\n'
    done
    from=$(($(wc -l <"$work/server.log") + 1))
    out=$(BENCH_LUA_DIR="$PWD/bench/wrk" wrk -t1 -c1 -d"${seconds}s" -s bench/wrk/healthz.lua "$base" | tail -n 1)
    read -r h_count h_p50 h_p99 _ < <(server_times "$from" "GET /healthz")
    rows+="| $backend | $scale | \`/healthz\` (wrk -t1 -c1 ${seconds} s: latency median $(jq -r .median_ms <<<"$out") ms, $(jq -r .rps <<<"$out") requests/s) | $h_count | $h_p50 | $h_p99 | |"$'\n'

    # An answer changed in the database (as a save on another server would): how long until the view shows it.
    view="$base/api/v1/statistics/item?item=IR-03&fiscal_year=2025&prefecture=01&by=bed_band"
    yes_of() { curl -s -H "Cookie: mamori_session=$analyst" "$view" | jq '[.groups[].yes.count // 0] | add'; }
    before=$(yes_of)
    answer=$(db_sql "SELECT w.id FROM answers w JOIN assessments a ON a.id = w.assessment_id JOIN organisations o ON o.id = a.organisation_id WHERE a.fiscal_year = 2025 AND o.prefecture_code = '01' AND o.kind = 'clinic' AND w.canonical_id = 'IR-03' AND w.value = 'no' AND w.needs_reconfirmation = 0 ORDER BY w.id LIMIT 1")
    start=$(date +%s%N)
    db_sql "UPDATE answers SET value = 'yes', version = version + 1 WHERE id = $answer" >/dev/null
    polls=0
    while [ "$(yes_of)" = "$before" ]; do polls=$((polls + 1)); [ $polls -lt 200 ] || break; sleep 0.01; done
    visible_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    fresh+="| $backend | $scale | $visible_ms ms | $polls |"$'\n'
    kill "$pid" && wait "$pid" 2>/dev/null || true
    pid=""
    printf '%s' "$loads" | tail -n 1 >&2
  done
done

section=$(cat <<MD
<!-- bench:statistics:begin (written by bench/statistics.sh; do not edit by hand) -->
Measured $(date -u +%Y-%m-%d) with \`SCALES="$scales" REQUESTS=$requests bench/statistics.sh\` on $(nproc) cores
(load average before: $load_before). Data: bench/national_data.py, seed 18 (scale 1.0 is Japan: ~243,000
institutions, checklists for FY2023–2025). Each server holds the statistics snapshot in memory (ADR 0024).

The snapshot's first load (from the server's log) and the server's VmRSS once it is loaded:

| backend | scale | data | database size | snapshot load | VmRSS |
|---|---|---|---|---|---|
${loads}
Every view asked $requests times, one after another, as the ministry's analyst (server time: the access log's
duration_ms, arrival to response, including the refresh each request makes first); target: p99 under 100 ms.
Bare paths are the JSON of the latest fiscal year; \`format=\` the files; the open-data file is every line of
the form by prefecture:

| backend | scale | request | count | server median (ms) | server p99 (ms) | server max (ms) |
|---|---|---|---|---|---|---|
${rows}
An answer changed in the database (an UPDATE through sqlite3/psql, as a save through another server would),
then the view (北海道 by bed band) asked every 10 ms until its はい count moves; target: within 1 s:

| backend | scale | visible after | polls before it showed |
|---|---|---|---|
${fresh}<!-- bench:statistics:end -->
MD
)
python3 bench/write_perf_section.py statistics "## National statistics (issue 18)" "$section"
echo "$section"
