# Sourced by the server benchmarks after they set `build`: checks the binary, makes a work directory,
# brings the private PostgreSQL helpers (bench/private_postgres.sh) and stops the server in `pid`, the
# cluster and the work directory on exit. Gives `bin`, `work`, `median` and `server_times` (of a server that logs
# into $work/server.log).
bin=${MAMORI_BIN:-$PWD/$build/mamori}
[ -x "$bin" ] || { echo "no $bin: run scripts/build.sh release first (or set MAMORI_BIN)" >&2; exit 1; }
work=$(mktemp -d)
chmod 755 "$work"
. bench/private_postgres.sh
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# server_times FROM-LINE ROUTE: "count median p99 max" of the access log's duration_ms for ROUTE after FROM-LINE.
server_times() {
  tail -n +"$1" "$work/server.log" | python3 -c '
import json, re, sys
route = sys.argv[1]
values = []
for line in sys.stdin:
    m = re.search(r"\{.*\"msg\":\"request\".*", line)
    if not m: continue
    try: e = json.loads(m.group(0))
    except ValueError: continue
    if e.get("method", "") + " " + e.get("route", "") == route: values.append(e["duration_ms"])
values.sort()
pick = lambda q: round(values[min(len(values) - 1, int(len(values) * q))], 2) if values else "–"
print(len(values), pick(0.5), pick(0.99), pick(1.0))' "$2"
}
