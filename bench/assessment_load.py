#!/usr/bin/env python3
"""Self-assessment load against a running mamori: USERS editors (one per institution, each on a keep-alive
connection of its own) log in, start their institution's checklist, then for SECONDS alternately load the whole
assessment (GET /api/v1/assessments/{id}) and save one answer (PUT …/answers/{item}/{row} with the version it
last saw). Prints JSON with the client-side latencies; the server-side times come from the access log.
Usage: assessment_load.py URL PASSWORD SECONDS LOGIN…"""
import datetime, http.client, json, sys, threading, time, urllib.parse

url, password, seconds, logins = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
parsed = urllib.parse.urlparse(url)
today = (datetime.datetime.utcnow() + datetime.timedelta(hours=9)).date()
fiscal_year = today.year if today.month >= 4 else today.year - 1
lock, results, failures = threading.Lock(), {"load": [], "save": []}, []
start_barrier = threading.Barrier(len(logins))


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        self.cookie, self.csrf = "", ""

    def call(self, method, path, body=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if self.cookie: headers["Cookie"] = "mamori_session=" + self.cookie
        if self.csrf and method != "GET": headers["X-CSRF-Token"] = self.csrf
        self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        r = self.conn.getresponse()
        data = r.read()
        for name, value in r.getheaders():
            if name.lower() == "set-cookie" and value.startswith("mamori_session="):
                self.cookie = value[len("mamori_session="):value.index(";")]
        doc = json.loads(data) if data else {}
        if isinstance(doc, dict) and "csrf_token" in doc: self.csrf = doc["csrf_token"]
        return r.status, doc


def user(login):
    try:
        run(login)
    except Exception as e:  # one user failing must not leave the others waiting at the barrier
        failures.append(("setup", login, repr(e)[:200]))
        start_barrier.abort()


def run(login):
    c = Client()
    for attempt in range(100):  # 100 logins at once overflow the bounded password-hashing queue: 503, retry
        status, me = c.call("POST", "/api/v1/session", {"login": login, "password": password})
        if status != 503: break
        time.sleep(0.2 + attempt * 0.05)
    assert status == 200, (login, status, me)
    org = me["user"]["organisation_id"]
    status, created = c.call("POST", f"/api/v1/organisations/{org}/assessments", {"fiscal_year": fiscal_year})
    assert status == 201, (status, created)
    path = f"/api/v1/assessments/{created['id']}"
    lines = [(i["canonical_id"], r["key"]) for i in created["items"] for r in i["rows"]]
    versions = {line: 0 for line in lines}
    try:
        start_barrier.wait()
    except threading.BrokenBarrierError:
        return
    deadline, n = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        began = time.monotonic()
        status, _ = c.call("GET", path)
        with lock: results["load"].append((time.monotonic() - began) * 1000)
        if status != 200: failures.append(("load", status))
        item, row = lines[n % len(lines)]
        value = "yes" if (n // len(lines)) % 2 == 0 else "no"
        body = {"version": versions[(item, row)], "value": value, "confirmed_on": today.isoformat()}
        if value == "no": body["target_date"] = f"{fiscal_year + 1}-03-31"
        began = time.monotonic()
        status, saved = c.call("PUT", f"{path}/answers/{item}/{row}", body)
        with lock: results["save"].append((time.monotonic() - began) * 1000)
        if status == 200: versions[(item, row)] = saved["answer"]["version"]
        else: failures.append(("save", status, saved.get("detail")))
        n += 1


threads = [threading.Thread(target=user, args=(login,)) for login in logins]
began = time.monotonic()
for t in threads: t.start()
for t in threads: t.join()


def summary(values):
    if not values: return {"count": 0, "median_ms": None, "p99_ms": None}
    values.sort()
    pick = lambda q: round(values[min(len(values) - 1, int(len(values) * q))], 1)
    return {"count": len(values), "median_ms": pick(0.5), "p99_ms": pick(0.99)}


print(json.dumps({"users": len(logins), "seconds": seconds, "failures": len(failures),
                  "first_failures": failures[:3], "load": summary(results["load"]),
                  "save": summary(results["save"])}))
