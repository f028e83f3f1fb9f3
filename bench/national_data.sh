#!/usr/bin/env bash
# The national synthetic data set (issue 18, item 1) in a new database, then checked with the server: a
# ministry analyst and a 北海道 inspector (bench sessions) ask for what their pages load today (the national
# exposure figures, the checklist lists, the inspection summary and plan); every answer must be 200. Prints
# what bench/national_data.py wrote, the seconds it took, each check's status and time, and the database's size.
#   TARGET=sqlite:FILE (default build-dir/national-data/national.db, replaced), postgresql://… (an empty
#   database), or `postgresql` for a private cluster that is removed at the end (a timing run).
# Usage: SCALE=0.1 SEED=18 TARGET=… bench/national_data.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
scale=${SCALE:-1.0}
seed=${SEED:-18}
export MAMORI_SHARED_DATA=${MAMORI_SHARED_DATA:-$PWD/../shared/data}
. bench/bench_setup.sh

target=${TARGET:-sqlite:$PWD/$build/national-data/national.db}
if [ "$target" = postgresql ]; then
  start_postgres
  target=$url
elif [[ "$target" == sqlite:* ]]; then
  mkdir -p "$(dirname "${target#sqlite:}")"
  rm -f "${target#sqlite:}" "${target#sqlite:}-wal" "${target#sqlite:}-shm"
fi
"$bin" demo --organisations-only --database "$target" >/dev/null 2>"$work/demo.log"
nice -n 19 python3 bench/national_data.py "$target" --seed "$seed" --scale "$scale"

read -r analyst inspector < <(python3 - "$target" <<'PY'
import sys
sys.path.insert(0, "bench")
from bench_db import add_user, connect, sql
connect(sys.argv[1])
ministry = sql("SELECT id FROM organisations WHERE kind = 'ministry';\n")[0][0]
hokkaido = sql("SELECT id FROM organisations WHERE kind = 'prefecture' AND prefecture_code = '01';\n")[0][0]
print(add_user(ministry, "analyst@mhlw.national.example", "analyst", enrolled=True)[0],
      add_user(hokkaido, "inspector@hokkaido.national.example", "inspector", enrolled=True)[0])
PY
)
"$bin" serve --listen 127.0.0.1:0 --database "$target" >"$work/server.out" 2>"$work/server.log" &
pid=$!
for _ in $(seq 600); do grep -q 'running at' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^mamori is running at //p' "$work/server.out")
base=${base%/}
[ -n "$base" ] || { cat "$work/server.log" >&2; exit 1; }
failed=0
check() {
  local who=$1 token=$2 path=$3 out
  out=$(curl -s -o "$work/body" -w '%{http_code} %{time_total}' -H "Cookie: mamori_session=$token" "$base$path")
  echo "  $who ${out% *} $(awk -v t="${out#* }" 'BEGIN { printf "%.1f ms", 1000 * t }') $path"
  [ "${out% *}" = 200 ] || failed=$((failed + 1))
}
echo "server checks (status, time with curl):"
for path in /api/v1/me /api/v1/prefectures "/api/v1/organisations?page_size=50" /api/v1/exposure/national \
  "/api/v1/jurisdiction/checklists?fiscal_year=2025" "/api/v1/jurisdiction/checklists?fiscal_year=2025&sort=status" \
  "/api/v1/jurisdiction/checklists?fiscal_year=2025&kind=hospital&bed_band=hospital_500_plus"; do
  check analyst "$analyst" "$path"
done
for path in /api/v1/me "/api/v1/inspections/summary?fiscal_year=2025" \
  "/api/v1/jurisdiction/checklists?fiscal_year=2025" "/api/v1/jurisdiction/checklists?fiscal_year=2024&status=draft" \
  "/api/v1/jurisdiction/checklists?fiscal_year=2023&with_no=true&kind=hospital" "/api/v1/inspections/plan/due?page_size=50"; do
  check inspector "$inspector" "$path"
done
kill "$pid" && wait "$pid" 2>/dev/null || true
pid=""
if [[ "$target" == sqlite:* ]]; then
  echo "database: ${target#sqlite:}, $(du -m "${target#sqlite:}" | cut -f1) MB"
else
  echo "database: $(psql -XAtq "$target" -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
fi
[ "$failed" -eq 0 ] || { echo "$failed checks failed" >&2; exit 1; }
