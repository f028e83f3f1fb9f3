#!/usr/bin/env bash
# Login latency (Argon2id on the worker pool) and what a login storm does to other requests: runs
# bench/login_load.py with 1 and 8 client threads, and wrk on /healthz during the 8-thread storm.
# Writes the numbers and commands into docs/perf.md. Usage: bench/login_load.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
bin="$build/mamori"
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" serve --listen 127.0.0.1:0 --database "sqlite:$work/bench.db" --log-level warn >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do grep -q 'running at' "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^mamori is running at //p' "$work/out")
# First-run setup with the code the server printed on its console.
code=$(grep -o 'enter the setup code [0-9A-Z-]*' "$work/out" | awk '{print $5}')
curl -sf -o /dev/null -H 'Content-Type: application/json' -X POST "${url}api/v1/setup" \
  -d '{"setup_code":"'"$code"'","organisation_kind":"clinic","organisation_name":"bench","login":"bench@bench.example","display_name":"b","password":"bench password 2026"}'

single=$(python3 bench/login_load.py "$url" bench@bench.example "bench password 2026" 1 10)
python3 bench/login_load.py "$url" bench@bench.example "bench password 2026" 8 10 >"$work/storm" &
storm=$!
sleep 1
healthz=$(wrk -t1 -c16 -d5s --latency "${url}healthz")
wait "$storm"
storm_result=$(cat "$work/storm")
healthz_rps=$(awk '/Requests\/sec/ {print $2}' <<<"$healthz")
healthz_p99=$(awk '$1 == "99%" {print $2}' <<<"$healthz")

section=$(cat <<MD
<!-- bench:login:begin (written by bench/login_load.sh) -->
Command: \`bench/login_load.sh $build\` ($(date -u +%Y-%m-%d); Argon2id INTERACTIVE, 1 worker thread (half the cores) at nice 10,
password step of POST /api/v1/session, 10 s per run, access log off).

| clients | logins | median latency (ms) | p99 (ms) | logins/s |
|---|---|---|---|---|
| 1 | $(jq -r .count <<<"$single") | $(jq -r .median_ms <<<"$single") | $(jq -r .p99_ms <<<"$single") | $(jq -r .logins_per_s <<<"$single") |
| 8 | $(jq -r .count <<<"$storm_result") | $(jq -r .median_ms <<<"$storm_result") | $(jq -r .p99_ms <<<"$storm_result") | $(jq -r .logins_per_s <<<"$storm_result") |

During the 8-client login storm, \`wrk -t1 -c16 -d5s /healthz\` still got $healthz_rps requests/s with p99
$healthz_p99: password hashing runs on the worker pool, not on the I/O threads.
<!-- bench:login:end -->
MD
)
python3 bench/write_perf_section.py login "## Login" "$section"
echo "$section"
