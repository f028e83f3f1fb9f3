#!/usr/bin/env python3
"""Login latency against a running mamori: POST /api/v1/session (the Argon2id password step) from N client
threads for a fixed time. Prints JSON: count, median and p99 latency in ms, logins/s.
Usage: login_load.py URL LOGIN PASSWORD THREADS SECONDS"""
import json, sys, threading, time, urllib.request

url, login, password, threads, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
body = json.dumps({"login": login, "password": password}).encode()
latencies, lock = [], threading.Lock()
deadline = time.monotonic() + seconds

def worker():
    while time.monotonic() < deadline:
        req = urllib.request.Request(url.rstrip("/") + "/api/v1/session", data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
        start = time.monotonic()
        with urllib.request.urlopen(req) as r:
            r.read()
            assert r.status == 200
        with lock:
            latencies.append((time.monotonic() - start) * 1000)

pool = [threading.Thread(target=worker) for _ in range(threads)]
began = time.monotonic()
for t in pool: t.start()
for t in pool: t.join()
elapsed = time.monotonic() - began
latencies.sort()
print(json.dumps({"threads": threads, "count": len(latencies),
                  "median_ms": round(latencies[len(latencies) // 2], 1),
                  "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 1),
                  "logins_per_s": round(len(latencies) / elapsed, 1)}))
