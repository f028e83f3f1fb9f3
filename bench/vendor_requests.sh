#!/usr/bin/env bash
# One vendor with INSTITUTIONS customers (default 5,000), each with a system and an open 事業者確認用 request
# (bench/vendor_requests_data.py), on SQLite and on PostgreSQL (a private cluster): the share of one product's
# answers with all of them (one POST; the server's own time from the response, elapsed_ms, and curl's), a
# second share after a changed answer (every request compared with its last version), then the vendor's request
# list (a page of 50 with each filter) and the dashboard with wrk, one connection (wrk -t1 -c1), beside
# /healthz in the same run. Writes docs/perf.md.
# Usage: RUNS=3 DURATION=5 INSTITUTIONS=5000 bench/vendor_requests.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
runs=${RUNS:-3}
seconds=${DURATION:-5}
institutions=${INSTITUTIONS:-5000}
backends=${BACKENDS:-sqlite postgresql}
. bench/bench_setup.sh

# share BASE BODY-FILE: "server_ms wall_ms shared unchanged refused" of one share.
share() {
  local product token csrf out
  product=$(jq -r .product "$work/ids.json") token=$(jq -r .token "$work/ids.json") csrf=$(jq -r .csrf "$work/ids.json")
  out=$(curl -s -w '\n%{time_total}' -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -b "mamori_session=$token" --data-binary @"$2" "$1/api/v1/vendor/products/$product/share")
  local body wall
  body=$(head -n -1 <<<"$out") wall=$(tail -n 1 <<<"$out")
  echo "$(jq -r .elapsed_ms <<<"$body") $(awk -v s="$wall" 'BEGIN{printf "%.1f", s * 1000}') \
$(jq -r '.shared | length' <<<"$body") $(jq -r '.unchanged | length' <<<"$body") $(jq -r '.refused | length' <<<"$body")"
}

rows="" shares=""
for backend in $backends; do
  if [ "$backend" = sqlite ]; then url="sqlite:$work/bench.db"; rm -f "$work/bench.db"; else start_postgres; fi
  "$bin" demo --organisations-only --database "$url" --institutions "$institutions" >/dev/null 2>"$work/demo.log"
  python3 bench/vendor_requests_data.py "$url" "$work" >&2
  "$bin" serve --listen 127.0.0.1:0 --database "$url" >"$work/server.out" 2>"$work/server.log" &
  pid=$!
  for _ in $(seq 200); do grep -q 'running at' "$work/server.out" 2>/dev/null && break; sleep 0.05; done
  base=$(sed -n 's/^mamori is running at //p' "$work/server.out")
  base=${base%/}
  fy=$(jq -r .fiscal_year "$work/ids.json")
  jq -c '{fiscal_year, request_ids}' "$work/ids.json" >"$work/share.json"
  read -r first_ms first_wall first_shared _ first_refused < <(share "$base" "$work/share.json")
  # A changed answer: the set's version 2, then every request compared with its last version and shared again.
  product=$(jq -r .product "$work/ids.json")
  jq -c '{fiscal_year, version: 1, answers: (.answers | .[0].note = "ベンチで変更")}' "$work/ids.json" >"$work/answers.json"
  curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: $(jq -r .csrf "$work/ids.json")" \
    -b "mamori_session=$(jq -r .token "$work/ids.json")" --data-binary @"$work/answers.json" \
    "$base/api/v1/vendor/products/$product/answers"
  read -r second_ms second_wall second_shared _ _ < <(share "$base" "$work/share.json")
  read -r same_ms same_wall _ same_unchanged _ < <(share "$base" "$work/share.json")
  shares+="| $backend | $first_shared new versions (first share; refused $first_refused) | $first_ms | $first_wall |"$'\n'
  shares+="| $backend | $second_shared new versions (after a changed answer) | $second_ms | $second_wall |"$'\n'
  shares+="| $backend | $same_unchanged unchanged (the same answers again) | $same_ms | $same_wall |"$'\n'
  # Some requests outstanding again for the list's counts: every third is returned for a correction.
  if [ "$backend" = sqlite ]; then db_sql() { sqlite3 "${url#sqlite:}" "$1"; }; else db_sql() { psql -Xq "$url" -c "$1"; }; fi
  db_sql "UPDATE vendor_requests SET status = 'returned' WHERE id % 3 = 0" >/dev/null
  institution=$(jq -r .institution "$work/ids.json")
  list=/api/v1/vendor/requests
  targets=(
    "/healthz|\`GET /healthz\`"
    "$list|list, first page by due date"
    "$list?page=60|list, page 60"
    "$list?status=returned|returned for a correction"
    "$list?overdue=true|overdue"
    "$list?institution_id=$institution|one institution"
    "$list?product_id=$product|one product"
    "$list?fiscal_year=$fy&due_from=$((fy + 1))-03-10&due_to=$((fy + 1))-03-20|due between two dates"
    "$list?q=%E5%90%88%E6%88%90%E8%A8%BA%E7%99%82%E6%89%80001|search by name"
    "/api/v1/vendor/dashboard|the vendor's dashboard"
  )
  healthz_rps=""
  for target in "${targets[@]}"; do
    path=${target%%|*} label=${target#*|}
    rps=(); p50=(); p99=(); failed=0
    for _ in $(seq "$runs"); do
      out=$(BENCH_LUA_DIR="$PWD/bench/wrk" BENCH_USERS="$work/vendor.txt" BENCH_PATH="$path" \
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
  [ "$backend" = postgresql ] && stop_postgres && pg_data=""
done

section=$(cat <<MD
<!-- bench:vendor-requests:begin (written by bench/vendor_requests.sh) -->
Command: \`RUNS=$runs DURATION=$seconds INSTITUTIONS=$institutions bench/vendor_requests.sh $build\`
($(date -u +%Y-%m-%d), mamori $("$bin" version | awk '{print $2}'); one vendor with $institutions customer
institutions, each with one system and an open request of this fiscal year, the product's answers to every line of
the r7 vendor form; server, database, curl and wrk share the machine's $(nproc) cores$( [ -n "${LOAD_NOTE:-}" ] && echo "; $LOAD_NOTE")).

Sharing the product's answers with every request in one POST (one transaction; elapsed_ms is the server's
time inside the handler, curl's the whole request):

| backend | what | server (ms) | curl (ms) |
|---|---|---|---|
${shares}
The vendor's request list afterwards (a third returned for a correction), one connection (wrk -t1 -c1: latency
is server time plus loopback); $runs runs of $seconds s, medians:

| request (page of 50) | backend | median latency (ms) | median p99 (ms) | requests/s | ÷ /healthz | failed |
|---|---|---|---|---|---|---|
$rows<!-- bench:vendor-requests:end -->
MD
)
python3 bench/write_perf_section.py vendor-requests "## 事業者確認用 requests: one vendor, $institutions customers (issue 16)" "$section"
echo "$section"
