#!/usr/bin/env bash
# Loads a freshly started `mamori serve` with wrk on loopback and records the results in docs/perf.md.
# Bounded in time: RUNS runs of DURATION seconds per endpoint. Usage: bench/http_load.sh [build-dir]
#   RUNS=3 DURATION=10s CONNECTIONS=64 bench/http_load.sh build/release
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
runs=${RUNS:-3}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
bin="$build/mamori"
[ -x "$bin" ] || { echo "no $bin: run scripts/build.sh release first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/setup.sh" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" serve --listen 127.0.0.1:0 --database "sqlite:$work/bench.db" --demo >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do grep -q 'running at' "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^mamori is running at //p' "$work/out")
sleep 1
idle_rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

# median <numbers…>
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# to_ms <wrk latency like 1.23ms / 850.00us / 1.02s>
to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n*=1000; printf "%.2f", n }'; }

rows=""
for path in /healthz /api/v1/version /; do
  rps=(); p99=()
  for _ in $(seq "$runs"); do
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "${url%/}$path")
    rps+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
    p99+=("$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")")
  done
  rows+="| \`$path\` | $(median "${rps[@]}") | $(median "${p99[@]}") | ${rps[*]} | ${p99[*]} |"$'\n'
done
loaded_rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

section=$(cat <<MD
<!-- bench:http:begin (written by bench/http_load.sh) -->
Command: \`RUNS=$runs DURATION=$duration CONNECTIONS=$connections bench/http_load.sh $build\`
(wrk -t2 -c$connections -d$duration --latency, server and wrk on the same 2-core machine, loopback, SQLite,
access log on; $(date -u +%Y-%m-%d), mamori $("$bin" version | awk '{print $2}')).

| endpoint | median requests/s | median p99 (ms) | requests/s per run | p99 per run (ms) |
|---|---|---|---|---|
$rows
Server memory: idle RSS $((idle_rss_kib / 1024)) MiB ($idle_rss_kib KiB) after start-up with demo data;
$((loaded_rss_kib / 1024)) MiB after the load.
<!-- bench:http:end -->
MD
)
python3 bench/write_perf_section.py http "" "$section"
echo "$section"
