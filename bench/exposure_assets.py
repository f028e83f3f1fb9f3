#!/usr/bin/env python3
"""Writes the synthetic ledger of bench/exposure_data.py (assets.tsv) straight into a database that
`mamori demo --organisations-only --institutions N` filled: each line's organisation number picks one of the
synthetic institutions; every asset in use with its CPE names (origin import) and a first version. One
institution user with a live session per the first institution, for the API measurements; writes
WORKDIR/ids.json ({token, csrf, asset, organisation}).
Usage: exposure_assets.py sqlite:FILE|postgresql://… ASSETS.TSV WORKDIR"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_db import add_user, connect, iso, now, sql  # noqa: E402

database, assets_file, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
connect(database)
organisations = [int(r[0]) for r in sql("SELECT id FROM organisations WHERE name LIKE '合成%' ORDER BY id;\n")]
stamp = iso(now)
assets, cpes, versions = [], [], []
with open(assets_file) as lines:
    for number, line in enumerate(lines, start=1):
        org, asset_class, name, names = line.rstrip("\n").split("\t")
        organisation = organisations[int(org) % len(organisations)]
        assets.append(f"({number}, {organisation}, '{asset_class}', '{name}', 'nmap', '{stamp}', '{stamp}', '{stamp}')")
        versions.append(f"({number}, 1, 'created', '{{}}', '[]', '{stamp}')")
        for cpe in names.split():
            part, vendor, product = cpe.split(":")[2:5]
            cpes.append(f"({number}, '{cpe}', '{part}', '{vendor}', '{product}', 'import')")


def batches(rows, size=2000):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


statements = ["BEGIN;"]
for chunk in batches(assets):
    statements.append("INSERT INTO assets (id, organisation_id, asset_class, name, source, last_seen_at, created_at, "
                      "updated_at) VALUES " + ",".join(chunk) + ";")
for chunk in batches(versions):
    statements.append("INSERT INTO asset_versions (asset_id, version, action, snapshot, changed_fields, at) VALUES "
                      + ",".join(chunk) + ";")
for chunk in batches(cpes):
    statements.append("INSERT INTO asset_cpes (asset_id, cpe, part, vendor, product, origin) VALUES "
                      + ",".join(chunk) + ";")
if not database.startswith("sqlite:"):
    statements.append("SELECT setval(pg_get_serial_sequence('assets', 'id'), (SELECT MAX(id) FROM assets));")
statements.append("COMMIT;")
sql("\n".join(statements) + "\n")
token, csrf = add_user(organisations[0], "bench-ledger", "administrator", enrolled=True)[:2]
json.dump({"token": token, "csrf": csrf, "asset": 1, "organisation": organisations[0],
           "assets": len(assets), "cpes": len(cpes)}, open(f"{workdir}/ids.json", "w"))
print(f"exposure_assets: {len(assets)} assets, {len(cpes)} CPE names", file=sys.stderr)
