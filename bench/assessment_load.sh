#!/usr/bin/env bash
# Self-assessment under 100 concurrent users on SQLite: each editor loads the whole assessment and saves an
# answer in turn (bench/assessment_load.py). Server time per request comes from the access log
# (duration_ms from the request's arrival to its response); client latency includes Python's own overhead.
# Writes the numbers and commands into docs/perf.md. Usage: bench/assessment_load.sh [build-dir] [users] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
users=${2:-100}
seconds=${3:-20}
bin="$build/mamori"
password="bench password 2026"
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/bench.db"
"$bin" demo --organisations-only --database "sqlite:$db" --institutions "$users" >/dev/null 2>&1
"$bin" serve --listen 127.0.0.1:0 --database "sqlite:$db" --log-level info >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do grep -q 'running at' "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^mamori is running at //p' "$work/out")

# One Argon2id hash made by the server (first-run setup), reused for an editor in each synthetic clinic.
code=$(grep -o 'enter the setup code [0-9A-Z-]*' "$work/out" | awk '{print $5}')  # as printed on the console
curl -sf -o /dev/null -H 'Content-Type: application/json' -X POST "${url}api/v1/setup" \
  -d "{\"setup_code\":\"$code\",\"organisation_kind\":\"clinic\",\"organisation_name\":\"bench\",\"login\":\"setup@bench.example\",\"display_name\":\"b\",\"password\":\"$password\"}"
sqlite3 "$db" <<SQL
.timeout 5000
INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, updated_at, password_changed_at)
SELECT o.id, 'editor' || o.id || '@bench.example', 'editor ' || o.id,
       (SELECT password_hash FROM users WHERE login = 'setup@bench.example'),
       '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM organisations o WHERE o.kind = 'clinic' AND o.name <> 'bench' ORDER BY o.id DESC LIMIT $users;
INSERT INTO user_roles (user_id, role) SELECT id, 'editor' FROM users WHERE login LIKE 'editor%@bench.example';
SQL
mapfile -t logins < <(sqlite3 "$db" "SELECT login FROM users WHERE login LIKE 'editor%@bench.example'")

: >"$work/log"  # only the measured part
result=$(python3 bench/assessment_load.py "$url" "$password" "$seconds" "${logins[@]}")
server=$(python3 - "$work/log" <<'PY'
import json, re, sys
times = {"GET /api/v1/assessments/{id}": [], "PUT /api/v1/assessments/{id}/answers/{item}/{row}": []}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.search(r'\{.*"msg":"request".*', line)
    if not m: continue
    try: e = json.loads(m.group(0))
    except ValueError: continue
    key = f'{e["method"]} {e["route"]}'
    if key in times: times[key].append(e["duration_ms"])
out = {}
for key, values in times.items():
    values.sort()
    pick = lambda q: round(values[min(len(values) - 1, int(len(values) * q))], 2) if values else None
    out[key] = {"count": len(values), "median_ms": pick(0.5), "p99_ms": pick(0.99), "max_ms": pick(1.0)}
print(json.dumps(out))
PY
)
get_key='GET /api/v1/assessments/{id}'
put_key='PUT /api/v1/assessments/{id}/answers/{item}/{row}'
section=$(cat <<MD
<!-- bench:assessment:begin (written by bench/assessment_load.sh) -->
Command: \`bench/assessment_load.sh $build $users $seconds\` ($(date -u +%Y-%m-%d); SQLite, $users editors of $users
clinics, each on its own keep-alive connection, alternately loading the whole R7 assessment and saving one answer
with its version; $seconds s; client and server on the same 2 cores). Failed requests: $(jq -r .failures <<<"$result").

| request | count | server median (ms) | server p99 (ms) | server max (ms) | client median (ms) | client p99 (ms) |
|---|---|---|---|---|---|---|
| load assessment | $(jq -r --arg k "$get_key" '.[$k].count' <<<"$server") | $(jq -r --arg k "$get_key" '.[$k].median_ms' <<<"$server") | $(jq -r --arg k "$get_key" '.[$k].p99_ms' <<<"$server") | $(jq -r --arg k "$get_key" '.[$k].max_ms' <<<"$server") | $(jq -r .load.median_ms <<<"$result") | $(jq -r .load.p99_ms <<<"$result") |
| save answer | $(jq -r --arg k "$put_key" '.[$k].count' <<<"$server") | $(jq -r --arg k "$put_key" '.[$k].median_ms' <<<"$server") | $(jq -r --arg k "$put_key" '.[$k].p99_ms' <<<"$server") | $(jq -r --arg k "$put_key" '.[$k].max_ms' <<<"$server") | $(jq -r .save.median_ms <<<"$result") | $(jq -r .save.p99_ms <<<"$result") |
<!-- bench:assessment:end -->
MD
)
python3 bench/write_perf_section.py assessment "## Self-assessment under load" "$section"
echo "$section"
echo "$result" | jq -c .first_failures
