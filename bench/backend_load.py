#!/usr/bin/env python3
"""Provisions users for bench/backend_load.sh on a database that `mamori demo --institutions N` filled:
an editor with a live session in each of COUNT synthetic clinics, each of whom starts this year's checklist
through the running server at URL, and one viewer of 東京都 (where the synthetic clinics are). Sessions are
written straight into the database (token hashed as the server stores it), so no password hashing or TOTP
is measured or needed. Writes WORKDIR/editors.txt and WORKDIR/viewer.txt, one line per wrk thread:
cookie csrf assessment lines fiscal_year today (lines: every item/row of the checklist, comma-separated).
Usage: backend_load.py sqlite:FILE|postgresql://… URL COUNT WORKDIR"""
import http.client, json, os, sys, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_db import add_user, connect, fiscal_year, sql, today  # noqa: E402

database, url, count, workdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
connect(database)

clinics = [int(r[0]) for r in sql(
    f"SELECT id FROM organisations WHERE name LIKE '合成診療所%' ORDER BY id LIMIT {count};\n")]
if len(clinics) < count:
    sys.exit(f"only {len(clinics)} synthetic clinics: run mamori demo --institutions {count} or more")
tokyo = int(sql("SELECT id FROM organisations WHERE kind = 'prefecture' AND prefecture_code = '13';\n")[0][0])

parsed = urllib.parse.urlparse(url)
connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
editors = []
for org in clinics:
    token, csrf = add_user(org, f"editor{org}@bench.example", "editor")
    connection.request("POST", f"/api/v1/organisations/{org}/assessments", json.dumps({"fiscal_year": fiscal_year}),
                       {"Content-Type": "application/json", "Cookie": f"mamori_session={token}",
                        "X-CSRF-Token": csrf})
    response = connection.getresponse()
    created = json.loads(response.read())
    if response.status != 201:
        sys.exit(f"starting the checklist of organisation {org}: {response.status} {created}")
    lines = ",".join(f"{i['canonical_id']}/{r['key']}" for i in created["items"] for r in i["rows"])
    editors.append(f"{token} {csrf} {created['id']} {lines} {fiscal_year} {today.isoformat()}")
token, csrf = add_user(tokyo, "viewer@tokyo.bench.example", "viewer")
with open(f"{workdir}/editors.txt", "w") as f:
    f.write("\n".join(editors) + "\n")
with open(f"{workdir}/viewer.txt", "w") as f:
    f.write("\n".join(f"{token} {csrf} 0 - {fiscal_year} {today.isoformat()}" for _ in clinics) + "\n")
print(json.dumps({"editors": len(editors), "prefecture": tokyo}))
