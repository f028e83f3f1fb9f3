#!/usr/bin/env python3
"""Turns a database that `mamori demo --organisations-only --institutions N` filled into 東京都 at its real
shape for bench/jurisdiction.sh: HOSPITALS of the synthetic clinics become hospitals with bed counts across
every MHLW band, 5 % of the clinics get beds (有床), the institutions spread over ten of 東京都's
municipalities, and 80 % have this fiscal year's checklist (a third submitted) with 20 answered lines, every
seventh いいえ with a target date (half of them passed); hospitals and clinics with beds were inspected in one
of the three years before, a third of the hospitals are planned this year. One inspector of 東京都 with a live
session; writes WORKDIR/viewer.txt for wrk. Usage: jurisdiction_data.py sqlite:FILE|postgresql://… HOSPITALS WORKDIR"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_db import add_user, connect, fiscal_year, iso, now, sql, today  # noqa: E402

database, hospitals, workdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
connect(database)
synthetic = "name LIKE '合成診療所%'"
total = int(sql(f"SELECT COUNT(*) FROM organisations WHERE {synthetic};\n")[0][0])
if total <= hospitals:
    sys.exit(f"only {total} synthetic institutions: make more than {hospitals}")
every = total // hospitals
wards = ["131016", "131024", "131032", "131041", "131059", "131067", "131075", "131083", "131091", "131105"]
ward_case = "CASE " + " ".join(f"WHEN id % 10 = {i} THEN '{w}'" for i, w in enumerate(wards)) + " END"
stamp = iso(now)
passed, later = f"{fiscal_year}-06-30", f"{fiscal_year + 1}-03-31"
sql(f"""
UPDATE organisations SET municipality_code = {ward_case} WHERE {synthetic};
UPDATE organisations SET kind = 'hospital', beds_total = 20 + (id * 37) % 700 WHERE {synthetic} AND id % {every} = 0;
UPDATE organisations SET beds_total = CASE WHEN id % 20 = 1 THEN 1 + id % 19 ELSE 0 END
  WHERE {synthetic} AND kind = 'clinic';
INSERT INTO assessments (organisation_id, fiscal_year, form, edition, edition_revision, status, created_at)
  SELECT id, {fiscal_year}, 'medical', 'r7', 1, CASE WHEN id % 3 = 0 THEN 'submitted' ELSE 'draft' END, '{stamp}'
  FROM organisations WHERE {synthetic} AND id % 5 <> 0;
INSERT INTO answers (assessment_id, canonical_id, row_key, version, value, target_date, answered_at)
  SELECT a.id, 'LINE-' || n.i, 'main', 1, CASE WHEN n.i % 7 = 0 THEN 'no' ELSE 'yes' END,
         CASE WHEN n.i % 7 = 0 THEN CASE WHEN a.id % 2 = 0 THEN '{passed}' ELSE '{later}' END END, '{stamp}'
  FROM assessments a CROSS JOIN (SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
    UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
    UNION ALL SELECT 10 UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14
    UNION ALL SELECT 15 UNION ALL SELECT 16 UNION ALL SELECT 17 UNION ALL SELECT 18 UNION ALL SELECT 19
    UNION ALL SELECT 20) n
  WHERE a.fiscal_year = {fiscal_year};
ANALYZE;
""")
tokyo = int(sql("SELECT id FROM organisations WHERE kind = 'prefecture' AND prefecture_code = '13';\n")[0][0])
# The plan's history: every hospital and clinic with beds inspected in one of the three years before, a
# third of the hospitals already planned this year.
sql(f"""
INSERT INTO inspection_visits (organisation_id, inspecting_organisation_id, fiscal_year, reason, status,
    created_at, updated_at)
  SELECT id, {tokyo}, {fiscal_year} - 1 - id % 3, 'regular', 'done', '{stamp}', '{stamp}'
  FROM organisations WHERE {synthetic} AND (kind = 'hospital' OR beds_total > 0);
INSERT INTO inspection_visits (organisation_id, inspecting_organisation_id, fiscal_year, reason, status,
    created_at, updated_at)
  SELECT id, {tokyo}, {fiscal_year}, 'regular', 'planned', '{stamp}', '{stamp}'
  FROM organisations WHERE {synthetic} AND kind = 'hospital' AND id % 3 = 0;
ANALYZE;
""")
token, csrf = add_user(tokyo, "inspector@tokyo.bench.example", "inspector", enrolled=True)
with open(f"{workdir}/viewer.txt", "w") as f:
    f.write("\n".join(f"{token} {csrf} 0 - {fiscal_year} {today.isoformat()}" for _ in range(16)) + "\n")
print(f"{total} institutions, {len(range(0, total, every))} hospitals, fiscal year {fiscal_year}")
