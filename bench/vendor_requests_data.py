#!/usr/bin/env python3
"""Turns a database that `mamori demo --organisations-only --institutions N` filled into one vendor's customer
base for bench/vendor_requests.sh: a vendor organisation linked to every synthetic institution, one EHR per
institution run by the vendor, one product with this fiscal year's answers to every line of the r7 vendor form,
and an open 事業者確認用 request per system (due dates spread over the year, every tenth overdue, every fifth
already answered once). One vendor respondent with a live session; writes WORKDIR/vendor.txt for wrk and
WORKDIR/ids.txt (the product and the open requests' ids) for the share.
Usage: vendor_requests_data.py sqlite:FILE|postgresql://… WORKDIR"""
import datetime, json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_db import add_user, connect, fiscal_year, iso, now, sql, today  # noqa: E402

database, workdir = sys.argv[1], sys.argv[2]
connect(database)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
form = next(f for f in json.load(open(f"{root}/catalog/editions/r7.json"))["forms"] if f["id"] == "vendor")
confirmed = (today - datetime.timedelta(days=30)).isoformat()
answers = json.dumps([{"canonical_id": item["canonical_id"], "row_key": row["key"], "value": "yes",
                       "confirmed_on": confirmed, "target_date": None, "note": ""}
                      for item in form["items"] for row in item["rows"]],
                     ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("'", "''")
synthetic = "name LIKE '合成診療所%'"
stamp = iso(now)
overdue, later = (today - datetime.timedelta(days=5)).isoformat(), f"{fiscal_year + 1}-03-"
try:
    sql(f"""
INSERT INTO organisations (kind, name, created_at) VALUES ('vendor', 'ベンチ医療システム株式会社', '{stamp}');
INSERT INTO vendor_links (institution_organisation_id, vendor_organisation_id, via, created_at)
  SELECT o.id, v.id, 'operator', '{stamp}' FROM organisations o, organisations v
  WHERE o.{synthetic} AND v.name = 'ベンチ医療システム株式会社';
INSERT INTO systems (organisation_id, kind, name, product_name, vendor_organisation_id, vendor_name, data_location,
    backup_responsibility, created_at, updated_at)
  SELECT o.id, 'ehr', '電子カルテ', 'ベンチカルテ', v.id, 'ベンチ医療システム株式会社', 'on_premises', 'vendor',
    '{stamp}', '{stamp}' FROM organisations o, organisations v
  WHERE o.{synthetic} AND v.name = 'ベンチ医療システム株式会社';
INSERT INTO vendor_products (vendor_organisation_id, name, created_at)
  SELECT id, 'ベンチカルテ', '{stamp}' FROM organisations WHERE name = 'ベンチ医療システム株式会社';
INSERT INTO vendor_answer_sets (vendor_product_id, fiscal_year, edition_id, edition_revision, form_id, answers,
    version, updated_at)
  SELECT id, {fiscal_year}, 'r7', 1, 'vendor', '{answers}', 1, '{stamp}' FROM vendor_products WHERE name = 'ベンチカルテ';
INSERT INTO vendor_requests (institution_organisation_id, system_id, vendor_organisation_id, fiscal_year,
    edition_id, edition_revision, form_id, due_on, status, requested_at, updated_at)
  SELECT s.organisation_id, s.id, s.vendor_organisation_id, {fiscal_year}, 'r7', 1, 'vendor',
    CASE WHEN s.id % 10 = 0 THEN '{overdue}'
         ELSE '{later}' || CASE WHEN s.id % 28 < 9 THEN '0' ELSE '' END || CAST(1 + s.id % 28 AS TEXT) END,
    'requested', '{stamp}', '{stamp}'
  FROM systems s JOIN organisations v ON v.id = s.vendor_organisation_id WHERE v.name = 'ベンチ医療システム株式会社';
ANALYZE;
""")
except subprocess.CalledProcessError as e:
    sys.exit(e.stderr)
vendor = int(sql("SELECT id FROM organisations WHERE name = 'ベンチ医療システム株式会社';\n")[0][0])
product = sql("SELECT id FROM vendor_products WHERE name = 'ベンチカルテ';\n")[0][0]
ids = [r[0] for r in sql(f"SELECT id FROM vendor_requests WHERE vendor_organisation_id = {vendor} ORDER BY id;\n")]
institution = sql(f"SELECT MIN(institution_organisation_id) FROM vendor_requests WHERE vendor_organisation_id = {vendor};\n")[0][0]
token, csrf = add_user(vendor, "respondent@vendor.bench.example", "vendor_respondent")
with open(f"{workdir}/vendor.txt", "w") as f:
    f.write("\n".join(f"{token} {csrf} 0 - {fiscal_year} {today.isoformat()}" for _ in range(16)) + "\n")
with open(f"{workdir}/ids.json", "w") as f:
    json.dump({"product": int(product), "institution": int(institution), "request_ids": [int(i) for i in ids],
               "token": token, "csrf": csrf, "fiscal_year": fiscal_year, "answers": json.loads(answers.replace("''", "'"))}, f)
print(f"{len(ids)} open requests of one vendor, product {product}, fiscal year {fiscal_year}")
