#!/usr/bin/env python3
"""Provisions users for bench/backend_load.sh on a database that `mamori demo --institutions N` filled:
an editor with a live session in each of COUNT synthetic clinics, each of whom starts this year's checklist
through the running server at URL, and one viewer of 東京都 (where the synthetic clinics are). Sessions are
written straight into the database (token hashed as the server stores it), so no password hashing or TOTP
is measured or needed. Writes WORKDIR/editors.txt and WORKDIR/viewer.txt, one line per wrk thread:
cookie csrf assessment lines fiscal_year today (lines: every item/row of the checklist, comma-separated).
Usage: backend_load.py sqlite:FILE|postgresql://… URL COUNT WORKDIR"""
import datetime, hashlib, http.client, json, secrets, subprocess, sys, urllib.parse

database, url, count, workdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
now = datetime.datetime.now(datetime.timezone.utc)
iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
today = (now + datetime.timedelta(hours=9)).date()
fiscal_year = today.year if today.month >= 4 else today.year - 1


def sql(statements):
    """Runs SQL with the database's own command-line client; returns the rows as lists of text."""
    if database.startswith("sqlite:"):
        command = ["sqlite3", "-batch", "-separator", "\t", database[len("sqlite:"):]]
        statements = ".timeout 5000\n" + statements
    else:
        command = ["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", database]
    out = subprocess.run(command, input=statements, text=True, capture_output=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def session_for(user_id):
    token = "bench" + secrets.token_urlsafe(32)
    stored = hashlib.sha256(token.encode()).hexdigest()
    csrf = hashlib.sha256(f"csrf:{token}".encode()).hexdigest()
    statement = (f"INSERT INTO sessions (token_hash, user_id, mfa_pending, created_at, last_seen_at, expires_at) "
                 f"VALUES ('{stored}', {user_id}, 0, '{iso(now)}', '{iso(now)}', "
                 f"'{iso(now + datetime.timedelta(hours=12))}');\n")
    return token, csrf, statement


def add_user(org_id, login, role):
    stamp = iso(now)
    rows = sql(f"INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, updated_at, "
               f"password_changed_at) VALUES ({org_id}, '{login}', '{login}', 'no password: bench session only', "
               f"'{stamp}', '{stamp}', '{stamp}');\n"
               f"SELECT id FROM users WHERE login = '{login}';\n")
    user_id = int(rows[-1][0])
    token, csrf, statement = session_for(user_id)
    sql(f"INSERT INTO user_roles (user_id, role) VALUES ({user_id}, '{role}');\n" + statement)
    return token, csrf


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
