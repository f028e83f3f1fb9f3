"""A second one-day NVD delta for bench/exposure.sh, beside the hard one exposure_data.py writes.

exposure_data.py's delta gives each of its 500 modified records entirely new configurations, so every finding
of those CVEs goes and new ones come. A modified NVD record more often keeps its configurations: the change is a
reference, a CWE, now and then a score (an assumption: no public day-by-day history was at hand to count). This delta has the
same 650 CVEs: the 150 new records and the first 50 modified ones as in the hard delta (reanalysed, new
configurations), and the other 450 modified records as they are in the full feed with only their reference and
lastModified changed, and one in ten of them rescored (a new score changes its findings' priority).

Usage: python3 bench/exposure_typical_delta.py DATA-DIR   (reads DATA-DIR/nvd and DATA-DIR/nvd-delta, writes
DATA-DIR/nvd-delta-typical/cves-delta.json.gz)
"""
import glob, gzip, json, os, sys

data = sys.argv[1]
REANALYSED = 50
SEVERITY = ((9.0, "CRITICAL"), (7.0, "HIGH"), (4.0, "MEDIUM"), (0.1, "LOW"))
with gzip.open(f"{data}/nvd-delta/cves-delta.json.gz", "rt", encoding="utf-8") as f:
    hard = json.load(f)
modified_at = hard["vulnerabilities"][0]["cve"]["lastModified"]
stored = {}
for path in sorted(glob.glob(f"{data}/nvd/*.json.gz")):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for item in json.load(f)["vulnerabilities"]:
            stored[item["cve"]["id"]] = item

records, kept, rescored = [], 0, 0
for item in hard["vulnerabilities"]:
    cve_id = item["cve"]["id"]
    if cve_id not in stored or kept < REANALYSED:
        kept += cve_id in stored
        records.append(item)
        continue
    cve = json.loads(json.dumps(stored[cve_id]["cve"]))
    cve["lastModified"] = modified_at
    if len(records) % 10 == 0:
        rescored += 1
        metric = cve["metrics"]["cvssMetricV31"][0]["cvssData"]
        metric["baseScore"] = round(min(10.0, metric["baseScore"] + 0.1), 1)
        metric["baseSeverity"] = next(name for bound, name in SEVERITY if metric["baseScore"] >= bound)
    cve["references"].append({"url": f"https://example.org/advisory/update/{cve_id}", "source": "cve@mitre.org"})
    records.append({"cve": cve})

os.makedirs(f"{data}/nvd-delta-typical", exist_ok=True)
body = dict(hard, vulnerabilities=records, resultsPerPage=len(records), totalResults=len(records))
with gzip.open(f"{data}/nvd-delta-typical/cves-delta.json.gz", "wt", encoding="utf-8", compresslevel=3) as out:
    json.dump(body, out, separators=(",", ":"))
new = sum(1 for r in records if r["cve"]["id"] not in stored)
print(f"{len(records)} records: {new} new, {REANALYSED} reanalysed, {len(records) - new - REANALYSED} with their "
      f"configurations kept ({rescored} of them rescored)")
