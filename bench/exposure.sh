#!/usr/bin/env bash
# Issue 17's exposure benchmark on SQLite and on PostgreSQL (a private cluster it starts and removes): synthetic
# NVD pages of CVES records shaped like the real ones, a one-day delta, a KEV file and ASSETS assets in
# INSTITUTIONS institutions (bench/exposure_data.py, generated once and kept in BENCH_DATA, by default
# build-dir/exposure-data/…). Per backend: the full NVD import and the same again (nothing to write), KEV, the
# database's size; a full match of every asset (mamori exposure match) and again with nothing changed; the server
# re-matching one asset changed through the API (PUT of its CPE names, alternating two sets that both have
# findings) beside a PUT that changes only the note, server time from the access log, and /healthz with wrk in
# the same run; the server's VmRSS after start and after the feed index is loaded; one day's NVD delta, hard and typical
# (its import re-matches the CVEs it changed), each run from a copy of the database before it. Writes docs/perf.md.
# Usage: CVES=300000 ASSETS=100000 INSTITUTIONS=2000 RUNS=3 PUTS=50 bench/exposure.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cves=${CVES:-300000}
assets=${ASSETS:-100000}
institutions=${INSTITUTIONS:-2000}
runs=${RUNS:-3}
puts=${PUTS:-50}
seconds=${DURATION:-5}
backends=${BACKENDS:-sqlite postgresql}
. bench/bench_setup.sh
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# 1. The data, generated once per size and seed.
data=${BENCH_DATA:-$PWD/$build/exposure-data/c$cves-a$assets-o$institutions}
if [ ! -f "$data/assets.tsv" ]; then
  rm -rf "$data.tmp"
  start=$(date +%s.%N)
  python3 bench/exposure_data.py "$data.tmp" --cves "$cves" --assets "$assets" --organisations "$institutions"
  generated_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.0f", b - a}')
  mv "$data.tmp" "$data"
  echo "$generated_s" >"$data/generated_seconds"
fi
generated_s=$(cat "$data/generated_seconds" 2>/dev/null || echo "?")
[ -f "$data/nvd-delta-typical/cves-delta.json.gz" ] || python3 bench/exposure_typical_delta.py "$data" >&2
mib() { awk -v b="$1" 'BEGIN{printf "%.0f", b / 1048576}'; }
nvd_bytes=$(du -sb "$data/nvd" | cut -f1)
nvd_raw=$(for f in "$data"/nvd/*.json.gz; do gzip -dc "$f"; done | wc -c)
nvd_pages=$(ls "$data"/nvd/*.json.gz | wc -l)
delta_records=$(gzip -dc "$data"/nvd-delta/*.json.gz | jq '.vulnerabilities | length')

# timed CMD…: runs CMD, its output into $work/out; prints the wall time in ms.
timed() {
  local start end
  start=$(date +%s%N)
  "$@" >"$work/out" 2>"$work/err" || { cat "$work/out" "$work/err" >&2; return 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
# field NAME: the number after NAME in the last feed/match summary line of $work/out.
field() { grep -E '^(feed|assets) ' "$work/out" | tail -n 1 | grep -oE "$1 [0-9]+" | awk '{print $NF}'; }
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
imports="" matches="" requests="" memory="" deltas="" sizes=""
for backend in $backends; do
  if [ "$backend" = sqlite ]; then
    url="sqlite:$work/bench.db"; rm -f "$work"/bench.db*
    db_sql() { sqlite3 "${url#sqlite:}" "$1"; }
    db_size() { du -cb "$work"/bench.db* | tail -n 1 | cut -f1; }
  else
    start_postgres
    db_sql() { psql -XqAt "$url" -c "$1"; }
    db_size() { psql -XqAt "$url" -c 'SELECT pg_database_size(current_database())'; }
  fi
  "$bin" demo --organisations-only --database "$url" --institutions "$institutions" >/dev/null 2>"$work/demo.log"

  # 2. The feeds, into a database without assets yet (the import alone).
  echo "$backend: full NVD import" >&2
  first_ms=$(timed "$bin" feeds import nvd "$data/nvd" --database "$url")
  written=$(field written) rows_changed=$(field 'rows changed')
  again=()
  for _ in $(seq "$runs"); do
    again+=("$(timed "$bin" feeds import nvd "$data/nvd" --database "$url")")
    unchanged=$(field unchanged)
  done
  kev_ms=$(timed "$bin" feeds import kev "$data/kev.json" --database "$url")
  kev_written=$(field written)
  size_feeds=$(db_size)
  rate=$(awk -v n="$written" -v ms="$first_ms" 'BEGIN{printf "%.0f", n / (ms / 1000)}')
  imports+="| $backend | full NVD ($written CVEs written, $rows_changed rows) | $(awk -v ms="$first_ms" 'BEGIN{printf "%.1f", ms / 1000}') s | $rate CVEs/s |"$'\n'
  imports+="| $backend | the same again ($unchanged unchanged, nothing written; median of $runs) | $(awk -v ms="$(median "${again[@]}")" 'BEGIN{printf "%.1f", ms / 1000}') s | |"$'\n'
  imports+="| $backend | KEV ($kev_written entries) | $kev_ms ms | |"$'\n'
  imports+="| $backend | database size after the feeds | $(mib "$size_feeds") MiB | |"$'\n'

  printf '%s' "$imports" | tail -n 4 >&2
  # 3. The ledger, then full matches.
  echo "$backend: assets and full matches" >&2
  python3 bench/exposure_assets.py "$url" "$data/assets.tsv" "$work" 2>"$work/assets.log"
  wall=$(timed "$bin" exposure match --database "$url")
  found=$(field found) load_ms=$(grep -oE 'loaded in [0-9]+' "$work/out" | awk '{print $3}')
  match_ms=$(grep -oE 'matched in [0-9]+' "$work/out" | awk '{print $3}')
  matches+="| $backend | first (findings found $found) | $load_ms | $match_ms | $wall |"$'\n'
  loads=() times=() walls=()
  for _ in $(seq "$runs"); do
    walls+=("$(timed "$bin" exposure match --database "$url")")
    loads+=("$(grep -oE 'loaded in [0-9]+' "$work/out" | awk '{print $3}')")
    times+=("$(grep -oE 'matched in [0-9]+' "$work/out" | awk '{print $3}')")
    same=$(field unchanged) again_found=$(field found)
  done
  matches+="| $backend | again, nothing changed (found $again_found, unchanged $same; median of $runs) | $(median "${loads[@]}") | $(median "${times[@]}") | $(median "${walls[@]}") |"$'\n'
  size_matched=$(db_size)
  findings=$(db_sql "SELECT count(*) FROM findings WHERE active = 1" | tr -d ' ')

  # Two pairs of CPE sets with findings, for the asset changed through the API: the two assets at the middle of
  # those with findings (a typical asset) and the two with the most findings (the worst case).
  with_findings=$(db_sql "SELECT count(DISTINCT asset_id) FROM findings WHERE active = 1" | tr -d ' ')
  pick_pair() {  # NAME ORDER OFFSET: writes $work/NAME_a.json and NAME_b.json; prints "findings-a findings-b"
    local pair
    mapfile -t pair < <(db_sql "SELECT asset_id FROM findings WHERE active = 1 GROUP BY asset_id ORDER BY count(*) $2, asset_id LIMIT 2 OFFSET $3")
    db_sql "SELECT cpe FROM asset_cpes WHERE asset_id = ${pair[0]} ORDER BY cpe" | jq -R . | jq -s . >"$work/$1_a.json"
    db_sql "SELECT cpe FROM asset_cpes WHERE asset_id = ${pair[1]} ORDER BY cpe" | jq -R . | jq -s . >"$work/$1_b.json"
    echo "$(db_sql "SELECT count(*) FROM findings WHERE active = 1 AND asset_id = ${pair[0]}" | tr -d ' ') \
$(db_sql "SELECT count(*) FROM findings WHERE active = 1 AND asset_id = ${pair[1]}" | tr -d ' ')"
  }
  read -r n_a n_b < <(pick_pair typical ASC $((with_findings / 2)))
  read -r h_a h_b < <(pick_pair heavy DESC 0)

  printf '%s' "$matches" | tail -n 2 >&2
  # 4 and 6. The server.
  echo "$backend: server" >&2
  "$bin" serve --listen 127.0.0.1:0 --database "$url" --log-level info >"$work/server.out" 2>"$work/server.log" &
  pid=$!
  for _ in $(seq 400); do grep -q 'running at' "$work/server.out" 2>/dev/null && break; sleep 0.05; done
  base=$(sed -n 's/^mamori is running at //p' "$work/server.out")
  base=${base%/}
  rss_start=$(rss)
  # The server loads the feed index at start, beside its first requests; its log says when and how long.
  for _ in $(seq 1200); do grep -q '"feed index loaded"' "$work/server.log" 2>/dev/null && break; sleep 0.1; done
  index_ms=$(grep '"feed index loaded"' "$work/server.log" | grep -oE '"ms":[0-9]+' | cut -d: -f2)
  rss_loaded=$(rss)
  token=$(jq -r .token "$work/ids.json") csrf=$(jq -r .csrf "$work/ids.json")
  check=$(jq -c '{cpes: .}' "$work/typical_a.json")
  check_first=$(curl -s -o "$work/check.json" -w '%{time_total}' -H 'Content-Type: application/json' \
    -H "X-CSRF-Token: $csrf" -b "mamori_session=$token" --data-binary "$check" "$base/api/v1/exposure/check")
  check_cves=$(jq '.cves | length' "$work/check.json")
  check_again=()
  for _ in $(seq "$runs"); do
    check_again+=("$(curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
      -H "X-CSRF-Token: $csrf" -b "mamori_session=$token" --data-binary "$check" "$base/api/v1/exposure/check")")
  done
  memory+="| $backend | $rss_start MiB | $rss_loaded MiB | $index_ms ms | $(awk -v s="$check_first" 'BEGIN{printf "%.1f", s * 1000}') ms | $(awk -v s="$(median "${check_again[@]}")" 'BEGIN{printf "%.1f", s * 1000}') ms | $check_cves |"$'\n'

  # PUTs one at a time: the CPE names alternating between the two sets (a re-match each), then the note only.
  put_loop() {
    python3 - "$base" "$token" "$csrf" "$1" "$puts" "$work/$2_a.json" "$work/$2_b.json" <<'PY'
import json, sys, urllib.error, urllib.request
base, token, csrf, mode, n, a, b = sys.argv[1:8]
sets = [json.load(open(a)), json.load(open(b))]
headers = {"Content-Type": "application/json", "X-CSRF-Token": csrf, "Cookie": f"mamori_session={token}"}
def call(method, body=None):
    req = urllib.request.Request(f"{base}/api/v1/ledger/assets/1", method=method, headers=headers,
                                 data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(req) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {body}: {e.code} {e.read().decode()}")
asset = call("GET")
asset = asset.get("asset", asset)
for i in range(int(n)):
    body = dict(asset)  # the whole record back (a PUT replaces the fields), one field changed
    if mode == "cpes":
        body["cpes"] = sets[i % 2]
    else:
        body["note"] = f"bench note {i}"
    answer = call("PUT", body)
    answer = answer.get("asset", answer)
    if answer.get("version") == asset["version"]:
        sys.exit(f"PUT {i} changed nothing: {answer}")
    asset = answer
PY
  }
  from=$(($(wc -l <"$work/server.log") + 1))
  put_loop cpes typical
  read -r c_count c_p50 c_p99 c_max < <(server_times "$from" "PUT /api/v1/ledger/assets/{id}")
  from=$(($(wc -l <"$work/server.log") + 1))
  put_loop cpes heavy
  read -r w_count w_p50 w_p99 w_max < <(server_times "$from" "PUT /api/v1/ledger/assets/{id}")
  after_heavy=$(db_sql "SELECT count(*) FROM findings WHERE active = 1 AND asset_id = 1" | tr -d ' ')
  from=$(($(wc -l <"$work/server.log") + 1))
  put_loop note typical
  read -r n_count n_p50 n_p99 n_max < <(server_times "$from" "PUT /api/v1/ledger/assets/{id}")
  from=$(($(wc -l <"$work/server.log") + 1))
  h_p50=() h_p99=() h_rps=()
  for _ in $(seq "$runs"); do
    out=$(BENCH_LUA_DIR="$PWD/bench/wrk" wrk -t1 -c1 -d"${seconds}s" -s bench/wrk/healthz.lua "$base" | tail -n 1)
    h_p50+=("$(jq -r .median_ms <<<"$out")"); h_p99+=("$(jq -r .p99_ms <<<"$out")"); h_rps+=("$(jq -r .rps <<<"$out")")
  done
  read -r h_count h_s50 h_s99 _ < <(server_times "$from" "GET /healthz")
  hz=$(median "${h_p50[@]}")
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f×", a / b; else print "–" }'; }
  requests+="| $backend | PUT, CPE names changed, a typical asset (re-match; the sets have $n_a and $n_b findings) | $c_count | $c_p50 | $c_p99 | $c_max | $(ratio "$c_p50" "$hz") |"$'\n'
  requests+="| $backend | PUT, CPE names changed, the two assets with the most findings ($h_a and $h_b; $after_heavy after the last) | $w_count | $w_p50 | $w_p99 | $w_max | $(ratio "$w_p50" "$hz") |"$'\n'
  requests+="| $backend | PUT, note only (no re-match) | $n_count | $n_p50 | $n_p99 | $n_max | $(ratio "$n_p50" "$hz") |"$'\n'
  requests+="| $backend | \`GET /healthz\` (server time from the access log; wrk -t1 -c1, $runs × $seconds s: latency median $hz ms, p99 $(median "${h_p99[@]}") ms, $(median "${h_rps[@]}") requests/s) | $h_count | $h_s50 | $h_s99 | | 1× |"$'\n'
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=""

  printf '%s' "$memory$requests" | tail -n 5 >&2
  # 5. One day's delta, each run from a copy of the database before it.
  echo "$backend: delta" >&2
  if [ "$backend" = sqlite ]; then
    cp "$work/bench.db" "$work/before-delta.db"
    restore() { rm -f "$work"/bench.db-*; cp "$work/before-delta.db" "$work/bench.db"; sync; }
  else
    pg_admin="${url%/bench}/postgres"
    psql -Xq "$pg_admin" -c 'CREATE DATABASE before_delta TEMPLATE bench'
    restore() { psql -Xq "$pg_admin" -c 'DROP DATABASE bench' -c 'CREATE DATABASE bench TEMPLATE before_delta'; sync; }
  fi
  for delta in nvd-delta nvd-delta-typical; do
    delta_ms=()
    for run in $(seq "$runs"); do
      restore
      delta_ms+=("$(timed "$bin" feeds import nvd "$data/$delta" --database "$url")")
      [ "$run" = 1 ] && delta_line=$(grep -E '^feed ' "$work/out" | tail -n 1)
    done
    kind="hard (500 modified with new configurations, 150 new)"
    [ "$delta" = nvd-delta-typical ] && kind="typical (450 of the modified keep their configurations)"
    d_changed=$(grep -oE 'CVEs changed [0-9]+' <<<"$delta_line" | awk '{print $3}')
    d_assets=$(grep -oE 're-matched [0-9]+' <<<"$delta_line" | awk '{print $2}')
    d_found=$(grep -oE 'found [0-9]+' <<<"$delta_line" | awk '{print $2}')
    d_gone=$(grep -oE 'gone [0-9]+' <<<"$delta_line" | awk '{print $2}')
    deltas+="| $backend | $kind | $d_changed | $d_assets | $d_found | $d_gone | $(median "${delta_ms[@]}") | $(printf '%s ' "${delta_ms[@]}")|"$'\n'
    printf '%s' "$deltas" | tail -n 1 >&2
  done
  [ "$backend" = sqlite ] && rm -f "$work"/before-delta.db
  [ "$backend" = postgresql ] && stop_postgres && pg_data=""
  sizes+="$backend: $(mib "$size_feeds") MiB after the feeds, $(mib "$size_matched") MiB with the ledger and $findings findings; "
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

section=$(cat <<MD
<!-- bench:exposure:begin (written by bench/exposure.sh) -->
Command: \`CVES=$cves ASSETS=$assets INSTITUTIONS=$institutions RUNS=$runs PUTS=$puts bench/exposure.sh $build\`
($(date -u +%Y-%m-%d), mamori $("$bin" version | awk '{print $2}'); everything shares the machine's $(nproc) cores;
load average $load_before before, $load_after after$( [ -n "${LOAD_NOTE:-}" ] && echo "; $LOAD_NOTE")).

Data (bench/exposure_data.py, seed 17, generated once in $generated_s s): $cves CVEs in $nvd_pages NVD API 2.0
pages, $(mib "$nvd_bytes") MiB gzipped ($(mib "$nvd_raw") MiB of JSON), configurations shaped like the real
records (one configuration for most CVEs, a third AND firmware + a hardware platform node, ranges, exact
versions, a few huge nodes), Zipf-like product popularity; one-day deltas of $delta_records records (500
changed, 150 new); a KEV catalog of 1,400; $assets assets (1–3 CPE names each, mostly popular products) in
$institutions institutions, written straight into the database (bench/exposure_assets.py).

Feed imports (\`mamori feeds import nvd DIR\`, wall time of the command; into a database without assets):

| backend | import | wall time | rate |
|---|---|---|---|
${imports}
Full matches of every asset (\`mamori exposure match\`; the index of every CVE's configurations is loaded
from the database, then each asset is matched and its findings written; ms from the command's own line, wall
time of the whole command; target: under 10 s):

| backend | match | index load (ms) | match (ms) | wall (ms) |
|---|---|---|---|---|
${matches}
Sizes: ${sizes%; }.

One asset changed through the API (\`PUT /api/v1/ledger/assets/{id}\`, one at a time, $puts of each; its CPE
names alternate between two sets that each have findings, so every PUT re-matches the asset and changes its
findings in the same transaction; the note-only PUT is the same request without a re-match). Server time is the
access log's duration_ms (arrival to response); ÷ /healthz is the server median over wrk's median latency of
\`GET /healthz\` in the same run (the access log's /healthz times round to 0.0x ms); target: the re-match
under 10 ms:

| backend | request | count | server median (ms) | server p99 (ms) | server max (ms) | ÷ /healthz |
|---|---|---|---|---|---|---|
${requests}
The server's memory (VmRSS) when it announces its URL (the feed index has just begun loading, beside the first
requests) and once its log says the index is loaded, with the load time it logs; then curl's time for
\`POST /api/v1/exposure/check\` with one device's CPE names, the first and the next ones:

| backend | at its URL | index loaded | index load | first check | next checks (median) | CVEs in the answer |
|---|---|---|---|---|---|---|
${memory}
One day's NVD delta (\`mamori feeds import nvd DELTA-DIR\`: the records written, then, in the same command, the
changed CVEs alone evaluated for every asset naming a product one of them can apply to, and only those CVEs'
findings compared; the command loads an index of the changed CVEs, not the whole feed; each run from a copy of
the database before it; target: under 1 s). Two deltas of the same 650 CVEs: the hard one gives each modified
record entirely new configurations; in the typical one (bench/exposure_typical_delta.py) 50 are reanalysed that
way and 450 keep their configurations, 45 of those with a new score. A CVE is re-matched when its
configurations, its score (the findings' priority) or its rejection changed:

| backend | delta (650 records written) | CVEs re-matched | assets re-matched | findings found | findings gone | wall median (ms) | runs (ms) |
|---|---|---|---|---|---|---|---|
${deltas}<!-- bench:exposure:end -->
MD
)
python3 bench/write_perf_section.py exposure "## Vulnerability exposure: the full NVD, $assets assets (issue 17)" "$section"
echo "$section"
