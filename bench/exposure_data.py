"""Synthetic vulnerability feeds and a device ledger at today's real size, for bench/exposure.sh.

Writes into DIR (deterministic from --seed):
  nvd/cves-NNNNNN.json.gz   NVD CVE API 2.0 pages of 2,000 records (~300,000 CVEs by default)
  nvd-delta/cves-delta.json.gz   one day's changes: records modified since and new ones
  kev.json                  a CISA KEV catalog naming ~1,400 of the CVEs
  assets.tsv                organisation number, class, name, CPE names joined by ' '

The records are shaped like the real ones in ../shared/data/nvd (cves-2023: 92 % of CVEs have one
configuration; a third of configurations are AND of a vulnerable firmware node and a hardware platform node
with vulnerable:false; nodes hold 1-4 criteria, now and then dozens; version ranges with
versionEndExcluding/Including and start bounds, exact versions with an update field). Products follow a
Zipf-like popularity (a few products such as an OS appear in thousands of CVEs, most in a handful), and
assets mostly run the popular ones, with versions from a small set per product, as in a hospital.
"""
import argparse, gzip, json, os, random, uuid

parser = argparse.ArgumentParser()
parser.add_argument("dir")
parser.add_argument("--cves", type=int, default=300_000)
parser.add_argument("--assets", type=int, default=100_000)
parser.add_argument("--organisations", type=int, default=2_000)
parser.add_argument("--seed", type=int, default=17)
args = parser.parse_args()
rng = random.Random(args.seed)

VENDORS = 20_000
vendors = [f"vendor{v:05d}" for v in range(VENDORS)]
products = []  # (part, vendor, product, versions)
for v in vendors:
    for p in range(rng.choice((1, 1, 2, 3, 4, 6))):
        part = rng.choices("aoh", weights=(70, 20, 10))[0]
        major = rng.randint(1, 20)
        versions = [f"{major}.{minor}.{patch}" for minor in range(rng.randint(1, 5)) for patch in range(rng.randint(1, 6))]
        products.append((part, v, f"{v[6:]}_product{p}" if part != "h" else f"model_{v[6:]}{p}", versions))
rng.shuffle(products)
weights = [1 / (rank + 1) ** 0.8 for rank in range(len(products))]
cumulative, total = [], 0.0
for w in weights:
    total += w
    cumulative.append(total)
hardware = [p for p in products if p[0] == "h"]
firmware = [p for p in products if p[0] == "o"]


def pick():
    return products[rng.choices(range(len(products)), cum_weights=cumulative)[0]]


def criteria(part, vendor, product, version="*", update="*"):
    return f"cpe:2.3:{part}:{vendor}:{product}:{version}:{update}:*:*:*:*:*:*"


def match_entry(product, vulnerable=True):
    part, vendor, name, versions = product
    shape = rng.random()
    entry = {"vulnerable": vulnerable, "matchCriteriaId": str(uuid.UUID(int=rng.getrandbits(128))).upper()}
    if not vulnerable or part == "h":
        entry["criteria"] = criteria(part, vendor, name, "-")
    elif shape < 0.55:
        entry["criteria"] = criteria(part, vendor, name)
        entry["versionEndExcluding"] = rng.choice(versions)
        if rng.random() < 0.4:
            entry["versionStartIncluding"] = versions[0]
    elif shape < 0.7:
        entry["criteria"] = criteria(part, vendor, name)
        entry["versionEndIncluding"] = rng.choice(versions)
    elif shape < 0.95:
        entry["criteria"] = criteria(part, vendor, name, rng.choice(versions))
    else:
        entry["criteria"] = criteria(part, vendor, name, rng.choice(versions), rng.choice(("sp1", "update_1", "-")))
    return entry


def configurations():
    out = []
    for _ in range(rng.choices((1, 2, 3, 6, 23), weights=(920, 20, 30, 25, 5))[0]):
        if rng.random() < 0.33 and firmware and hardware:
            fw, hw = rng.choice(firmware), rng.choice(hardware)
            out.append({"operator": "AND", "nodes": [
                {"operator": "OR", "negate": False, "cpeMatch": [match_entry(fw)]},
                {"operator": "OR", "negate": False, "cpeMatch": [match_entry(hw, vulnerable=False)]}]})
        else:
            size = rng.choices((1, 2, 3, 4, 11, 27, 121), weights=(600, 60, 90, 45, 3, 3, 1))[0]
            base = pick()
            entries = [match_entry(base)] + [match_entry(pick()) for _ in range(size - 1)]
            out.append({"nodes": [{"operator": "OR", "negate": False, "cpeMatch": entries}]})
    return out


SEVERITY = ((9.0, "CRITICAL"), (7.0, "HIGH"), (4.0, "MEDIUM"), (0.1, "LOW"))


def record(number, year, modified):
    score = round(rng.uniform(2.0, 10.0), 1)
    severity = next(name for bound, name in SEVERITY if score >= bound)
    return {"cve": {
        "id": f"CVE-{year}-{number:05d}", "sourceIdentifier": "cve@mitre.org",
        "published": f"{year}-03-01T10:15:00.000", "lastModified": modified,
        "vulnStatus": rng.choices(("Analyzed", "Modified", "Rejected"), weights=(80, 18, 2))[0],
        "descriptions": [{"lang": "en", "value": f"Synthetic vulnerability {number} of year {year} for the benchmark."}],
        "metrics": {"cvssMetricV31": [{"source": "nvd@nist.gov", "type": "Primary", "cvssData": {
            "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "baseScore": score, "baseSeverity": severity}, "exploitabilityScore": 3.9, "impactScore": 5.9}]},
        "weaknesses": [{"source": "nvd@nist.gov", "type": "Primary", "description": [{"lang": "en", "value": "CWE-787"}]}],
        "configurations": configurations(),
        "references": [{"url": f"https://example.org/advisory/{year}/{number}", "source": "cve@mitre.org"}]}}


def write_page(path, records, start, total):
    body = {"resultsPerPage": len(records), "startIndex": start, "totalResults": total, "format": "NVD_CVE",
            "version": "2.0", "timestamp": "2026-12-01T00:00:00.000", "vulnerabilities": records}
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=3) as out:
        json.dump(body, out, separators=(",", ":"))


os.makedirs(f"{args.dir}/nvd", exist_ok=True)
os.makedirs(f"{args.dir}/nvd-delta", exist_ok=True)
years = list(range(2002, 2027))
ids, page, start = [], [], 0
for i in range(args.cves):
    year = years[min(len(years) - 1, int(len(years) * (i / args.cves) ** 0.6))]
    ids.append((i, year))
    page.append(record(i, year, f"{min(year + 1, 2026)}-06-01T00:00:00.000"))
    if len(page) == 2000 or i == args.cves - 1:
        write_page(f"{args.dir}/nvd/cves-{start:06d}.json.gz", page, start, args.cves)
        start += len(page)
        page = []

# One day of NVD: ~500 modified records (new configurations) and ~150 new ones.
delta = [record(i, year, "2026-12-02T00:00:00.000") for i, year in rng.sample(ids, 500)]
delta += [record(args.cves + n, 2026, "2026-12-02T00:00:00.000") for n in range(150)]
write_page(f"{args.dir}/nvd-delta/cves-delta.json.gz", delta, 0, len(delta))

kev = [{"cveID": f"CVE-{year}-{i:05d}", "vendorProject": "Synthetic", "product": "Synthetic",
        "vulnerabilityName": "Synthetic", "dateAdded": "2025-01-15", "shortDescription": "Synthetic.",
        "requiredAction": "Apply updates.", "dueDate": "2025-02-05",
        "knownRansomwareCampaignUse": rng.choice(("Known", "Unknown")), "notes": "", "cwes": []}
       for i, year in rng.sample(ids, 1400)]
with open(f"{args.dir}/kev.json", "w") as out:
    json.dump({"title": "Synthetic KEV", "catalogVersion": "2026.12.01", "dateReleased": "2026-12-01T00:00:00.000Z",
               "count": len(kev), "vulnerabilities": kev}, out)

# Assets: each runs an OS or firmware and one or two applications, mostly popular products, with a version
# from the product's small set; network devices add their hardware model.
popular = sorted(range(len(products)), key=lambda r: -weights[r])[:3000]
classes = ("server", "terminal", "network", "medical_device")
with open(f"{args.dir}/assets.tsv", "w") as out:
    for n in range(args.assets):
        cpes = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            part, vendor, name, versions = products[rng.choice(popular) if rng.random() < 0.8 else rng.randrange(len(products))]
            cpes.append(criteria(part, vendor, name, "-" if part == "h" else rng.choice(versions)))
        out.write(f"{n % args.organisations}\t{classes[n % 4]}\tasset-{n:06d}\t{' '.join(sorted(set(cpes)))}\n")
