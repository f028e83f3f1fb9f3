#!/usr/bin/env bash
# SQLite against PostgreSQL, with one and with two app servers behind nginx, measured with wrk on three
# workloads: an editor saving an answer (with the version last seen), an editor loading the whole checklist,
# and a prefecture's viewer listing every institution of the prefecture. Everything runs on this machine on
# loopback: a private PostgreSQL cluster (default durability: fsync and synchronous_commit on), nginx, the
# app servers and wrk share its cores. Writes the table and the commands into docs/perf.md.
# Usage: bench/backend_load.sh [build-dir] [seconds-per-run] [institutions] [users]
#   RUNS=3 bench/backend_load.sh build/release 10 10000 8
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
seconds=${2:-10}
institutions=${3:-10000}
users=${4:-8}
runs=${RUNS:-3}
bin="$PWD/$build/mamori"
[ -x "$bin" ] || { echo "no $bin: run scripts/build.sh release first" >&2; exit 1; }
for tool in wrk nginx psql sqlite3 jq; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "$tool is missing: run scripts/setup.sh" >&2; exit 1; }
done
work=$(mktemp -d)
chmod 755 "$work"
. bench/private_postgres.sh
server_pids=()
server_ports=()
nginx_pid=""
stop_servers() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  nginx_pid=""
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  server_pids=()
  server_ports=()
  return 0
}
cleanup() {
  stop_servers
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# start_server N: the Nth app server on $url and a free port, added to server_ports. (Functions that start
# processes set variables instead of printing: a command substitution would wait for the child's output.)
start_server() {
  "$bin" serve --listen 127.0.0.1:0 --database "$url" >"$work/server$1.out" 2>"$work/server$1.log" &
  server_pids+=($!)
  for _ in $(seq 200); do grep -q 'running at' "$work/server$1.out" 2>/dev/null && break; sleep 0.05; done
  server_ports+=("$(sed -n 's/^mamori is running at //p' "$work/server$1.out" | sed -E 's#.*:([0-9]+)/$#\1#')")
}

# start_nginx: nginx on a free port (proxy_port) in front of the app servers on server_ports.
start_nginx() {
  local port upstream=""
  port=$(free_port)
  for p in "${server_ports[@]}"; do upstream+="server 127.0.0.1:$p;"$'\n'; done
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream mamori { $upstream keepalive 64; }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://mamori;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
    }
}
CONF
  /usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>>"$work/nginx/error.log" &
  nginx_pid=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.05; done
  proxy_port=$port
}

# run_wrk SCRIPT USERS-FILE PORT: one wrk run, one connection per thread; prints wrk's JSON summary line.
# Each save run takes the next line of the checklist (BENCH_LINE), one nobody has saved yet.
saved_lines=0
run_wrk() {
  BENCH_LUA_DIR="$PWD/bench/wrk" BENCH_USERS="$2" BENCH_LINE=$saved_lines \
    wrk -t"$users" -c"$users" -d"${seconds}s" -s "bench/wrk/$1" "http://127.0.0.1:$3" | tail -n 1
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

rows=""
declare -A rps_of
for backend in sqlite postgresql; do
  if [ "$backend" = sqlite ]; then url="sqlite:$work/bench.db"; else start_postgres; fi
  "$bin" demo --organisations-only --database "$url" --institutions "$institutions" >/dev/null 2>"$work/demo.log"
  saved_lines=0
  start_server 1
  python3 bench/backend_load.py "$url" "http://127.0.0.1:${server_ports[0]}/" "$users" "$work" >/dev/null
  for servers in 1 2; do
    [ "$servers" -eq 2 ] && start_server 2
    start_nginx
    proxy=$proxy_port
    run_wrk assessment_load.lua "$work/editors.txt" "$proxy" >/dev/null  # warm-up
    for workload in answer_save assessment_load institution_list; do
      users_file="$work/editors.txt"
      [ "$workload" = institution_list ] && users_file="$work/viewer.txt"
      rps=(); p50=(); p99=(); failed=0
      for _ in $(seq "$runs"); do
        out=$(run_wrk "$workload.lua" "$users_file" "$proxy")
        [ "$workload" = answer_save ] && saved_lines=$((saved_lines + 1))
        rps+=("$(jq -r .rps <<<"$out")"); p50+=("$(jq -r .median_ms <<<"$out")"); p99+=("$(jq -r .p99_ms <<<"$out")")
        failed=$((failed + $(jq -r '.non_2xx + .socket_errors' <<<"$out")))
      done
      rps_of["$workload/$backend/$servers"]=$(median "${rps[@]}")
      rows+="| $workload | $backend | $servers | $(median "${rps[@]}") | $(median "${p50[@]}") | $(median "${p99[@]}") | $failed | ${rps[*]} |"$'\n'
    done
    kill "$nginx_pid" && wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=""
  done
  stop_servers
done

ratios=""
for workload in answer_save assessment_load institution_list; do
  ratio() { awk -v a="${rps_of[$1]}" -v b="${rps_of[$2]}" 'BEGIN { printf "%.2f", a / b }'; }
  ratios+="| $workload | $(ratio "$workload/postgresql/1" "$workload/sqlite/1") | $(ratio "$workload/sqlite/2" "$workload/sqlite/1") | $(ratio "$workload/postgresql/2" "$workload/postgresql/1") |"$'\n'
done

section=$(cat <<MD
<!-- bench:backends:begin (written by bench/backend_load.sh) -->
Command: \`RUNS=$runs bench/backend_load.sh $build $seconds $institutions $users\` ($(date -u +%Y-%m-%d); demo data
plus $institutions synthetic clinics in 東京都; $users editors, each with its own clinic, checklist and session;
wrk with $users threads × 1 connection through nginx (keep-alive to the app servers); $runs runs of $seconds s per
row, medians; PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') with its default durability in a
private cluster on the same machine; everything shares the machine's $(nproc) cores).

| workload | backend | app servers | requests/s | median (ms) | p99 (ms) | failed requests | requests/s of each run |
|---|---|---|---|---|---|---|---|
$rows
Ratios of requests/s:

| workload | PostgreSQL ÷ SQLite (1 server) | 2 servers ÷ 1 (SQLite) | 2 servers ÷ 1 (PostgreSQL) |
|---|---|---|---|
$ratios<!-- bench:backends:end -->
MD
)
python3 bench/write_perf_section.py backends "## SQLite and PostgreSQL, one and two app servers" "$section"
echo "$section"
