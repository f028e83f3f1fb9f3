#!/usr/bin/env python3
"""The national synthetic data set (issue 18, item 1): Japan's shape written into a database that
`mamori demo --organisations-only` made. 47 prefectures (the two the demo has are reused), about 470 health
centres spread by population over each prefecture's real municipalities (the code4fukui list in
MAMORI_SHARED_DATA, read in place), about 8,100 hospitals in the MHLW bed bands, 105,000 clinics, 68,000
dental clinics and 62,000 pharmacies, and their checklists for the fiscal years of the catalog's editions
(R5 = 2023, R6 = 2024, R7 = 2025): submitted, partly answered or not started, with はい-rates following the
survey figures of bench/national_figures.py by bed band. Hospitals and clinics get an EHR in the systems
register at the survey's rates. Deterministic from --seed.

SQLite is written through python's sqlite3 in one transaction; PostgreSQL through psql COPY FROM STDIN.

Usage: national_data.py sqlite:FILE|postgresql://… [--seed N] [--scale 0.1]"""
import argparse, csv, datetime, json, math, os, random, sqlite3, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import national_figures as fig  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KIND_JA = {"hospital": "病院", "clinic": "診療所", "dental_clinic": "歯科診療所", "pharmacy": "薬局"}
KIND_DIGIT = {"hospital": 1, "clinic": 2, "dental_clinic": 3, "pharmacy": 4}
TODAY = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=9)).date()


class Sqlite:
    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA busy_timeout = 5000")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("BEGIN IMMEDIATE")

    def query(self, statement):
        return [list(r) for r in self.db.execute(statement)]

    def write(self, table, columns, rows):
        marks = ", ".join("?" for _ in columns)
        self.db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def finish(self, tables):
        self.db.execute("COMMIT")
        self.db.execute("ANALYZE")
        self.db.close()


def copy_text(value):
    if value is None:
        return "\\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") if "\\" in text or "\t" in text \
        or "\n" in text else text


class Postgres:
    """One psql process in one transaction; each table's rows go in through COPY FROM STDIN."""
    def __init__(self, url):
        self.url = url
        self.psql = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url], stdin=subprocess.PIPE,
                                     stdout=subprocess.DEVNULL, text=True)
        self.psql.stdin.write("BEGIN;\n")

    def query(self, statement):
        out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", self.url],
                             input=statement, text=True, capture_output=True, check=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def write(self, table, columns, rows):
        out = self.psql.stdin
        out.write(f"COPY {table} ({', '.join(columns)}) FROM STDIN;\n")
        for row in rows:
            out.write("\t".join(copy_text(v) for v in row) + "\n")
        out.write("\\.\n")

    def finish(self, tables):
        out = self.psql.stdin
        for table in tables:
            out.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                      f"(SELECT MAX(id) FROM {table}));\n")
        out.write("COMMIT;\nANALYZE;\n")
        out.close()
        if self.psql.wait() != 0:
            sys.exit("psql failed")


def apportion(total, weights):
    """Largest-remainder split of `total` over `weights` (a dict), every key at least one when total allows."""
    whole = sum(weights.values())
    raw = {k: total * w / whole for k, w in weights.items()}
    out = {k: int(v) for k, v in raw.items()}
    rest = sorted(weights, key=lambda k: raw[k] - out[k], reverse=True)
    for k in rest[:total - sum(out.values())]:
        out[k] += 1
    return out


def municipalities(path):
    """code4fukui localgovjp rows by prefecture code: [(lgcode, name, kana)]; a designated city's own row is
    dropped where its wards are listed."""
    by_pref = {}
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    wards_of = {r["city"].split(" ")[0] for r in rows if " " in r["city"]}
    for r in rows:
        if " " not in r["city"] and r["city"] in wards_of:
            continue
        by_pref.setdefault(f"{int(r['pid']):02d}", []).append((r["lgcode"], r["city"].replace(" ", ""),
                                                                r["citykana"].replace(" ", "")))
    return by_pref


def hospital_rate(item, fiscal_year, band):
    given = [s for s in fig.SURVEY if s["item"] == item]
    if given:
        nearest = min(given, key=lambda s: (abs(s["fiscal_year"] - fiscal_year), -s["fiscal_year"]))
        base = nearest["bands"][band][0]
        return min(97, base + fig.TREND_PER_YEAR * (fiscal_year - nearest["fiscal_year"]))
    base = fig.DEFAULT_BASE.get(item, fig.DEFAULT_OTHER) + 3 * fig.BANDS.index(band)
    return min(97, base + fig.TREND_PER_YEAR * (fiscal_year - 2023))


def rate(item, fiscal_year, group):
    if group in fig.BANDS:
        return hospital_rate(item, fiscal_year, group) / 100
    return hospital_rate(item, fiscal_year, "20_99") * fig.KIND_FACTOR[group] / 100


def editions():
    """[(fiscal_year, edition id, {form id: (kinds, [(canonical id, row key)], gated, published)})] from the
    catalog the binary embeds (catalog/catalog.json)."""
    catalog = json.load(open(os.path.join(REPO, "catalog", "catalog.json")))
    out = []
    for entry in catalog["files"]:
        if entry["kind"] != "edition":
            continue
        edition = json.load(open(os.path.join(REPO, "catalog", entry["path"])))
        forms = {}
        for form in edition["forms"]:
            rows = [(item["canonical_id"], row["key"]) for item in form["items"] for row in item["rows"]]
            gate = form.get("gate")
            if form.get("gate_status") == "present" and gate:
                rows.insert(0, (gate["canonical_id"], "main"))
            published = form.get("published") or edition["published"]  # "2023-10" when only the month is known
            published = datetime.date.fromisoformat((published + "-01")[:10] if len(published) == 7 else published)
            forms[form["id"]] = (form["organisation_kinds"], rows, bool(gate), published)
        out.append((edition["fiscal_year"], edition["id"], forms))
    return sorted(out)


def stamp(day, seconds):
    return f"{day.isoformat()}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000Z"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--scale", type=float, default=1.0)
    shared = os.environ.get("MAMORI_SHARED_DATA", "/work/shared/data")
    parser.add_argument("--municipalities", default=os.path.join(shared, "jp_codes",
                                                                     "code4fukui_localgovjp-utf8.csv"))
    args = parser.parse_args()
    started = time.monotonic()
    rng = random.Random(args.seed)
    gauss, uniform, rand = rng.gauss, rng.uniform, rng.random
    phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))

    db = Sqlite(args.database[len("sqlite:"):]) if args.database.startswith("sqlite:") else Postgres(args.database)
    now = stamp(TODAY, 0)
    pref_names = dict(db.query("SELECT code, name_ja FROM prefectures ORDER BY code"))
    ministry = int(db.query("SELECT id FROM organisations WHERE kind = 'ministry' ORDER BY id LIMIT 1")[0][0])
    pref_org = {r[1]: int(r[0]) for r in db.query("SELECT id, prefecture_code FROM organisations "
                                                  "WHERE kind = 'prefecture'")}
    claimed = {r[1]: int(r[0]) for r in db.query("SELECT j.organisation_id, j.municipality_code FROM "
                                                 "jurisdictions j JOIN organisations o ON o.id = j.organisation_id "
                                                 "WHERE o.kind = 'health_centre'")}
    known_towns = {r[0] for r in db.query("SELECT code FROM municipalities")}
    next_id = {t: int(db.query(f"SELECT COALESCE(MAX(id), 0) FROM {t}")[0][0]) + 1
               for t in ("organisations", "assessments", "answers", "assessment_events", "systems")}
    towns = municipalities(args.municipalities)

    # Prefectures and health centres: each prefecture's municipalities in code order, cut into as many
    # contiguous runs as it has health centres; a municipality a demo health centre already covers stays its.
    orgs, town_rows, juris = [], [], []
    org_columns = ("id", "kind", "name", "parent_id", "prefecture_code", "municipality_code", "facility_id",
                   "created_at", "updated_at", "beds_total", "beds_general")
    for code, name in pref_names.items():
        if code not in pref_org:
            pref_org[code] = next_id["organisations"]
            next_id["organisations"] += 1
            orgs.append((pref_org[code], "prefecture", name, ministry, code, None, None, now, now, None, None))
        for town in towns.get(code, []):
            if town[0] not in known_towns:
                town_rows.append((town[0], code, town[1], town[2], now))
    centres_by_pref = apportion(max(47, round(fig.HEALTH_CENTRES * args.scale)), fig.POPULATION)
    centre_of = {}  # municipality code → health centre id
    for code in pref_names:
        free = [t for t in towns.get(code, [(f"{code}0000", pref_names[code], "")]) if t[0] not in claimed]
        n = max(1, min(centres_by_pref[code], len(free)))
        for i in range(n):
            run = free[i * len(free) // n:(i + 1) * len(free) // n]
            centre = next_id["organisations"]
            next_id["organisations"] += 1
            orgs.append((centre, "health_centre", f"{run[0][1]}保健所" if n > 1 else f"{pref_names[code]}保健所",
                         pref_org[code], code, run[0][0], None, now, now, None, None))
            for town in run:
                centre_of[town[0]] = centre
                juris.append((centre, town[0]))
        for town, centre in claimed.items():
            if town.startswith(code):
                centre_of[town] = centre
    town_list = {code: sorted(t for t in centre_of if t[:2] == code) for code in pref_names}

    # Institutions, spread by population over prefectures and uniformly over each prefecture's municipalities.
    institutions = []  # (id, kind, group)
    for kind, total in fig.KIND_TOTALS.items():
        per_pref = apportion(round(total * args.scale), fig.POPULATION)
        serial = 0
        for code, count in per_pref.items():
            for _ in range(count):
                serial += 1
                oid = next_id["organisations"]
                next_id["organisations"] += 1
                town = town_list[code][rng.randrange(len(town_list[code]))]
                beds, group = None, kind
                if kind == "hospital":
                    group = rng.choices(fig.BANDS, weights=[fig.BAND_SHARE[b] for b in fig.BANDS])[0]
                    low, high = fig.BAND_BEDS[group]
                    beds = rng.randint(low, high) if group != "500_plus" else int(500 + rng.expovariate(1 / 180))
                elif kind == "clinic":
                    with_beds = rand() < fig.CLINIC_WITH_BEDS_SHARE
                    beds, group = (rng.randint(1, 19), "clinic_with_beds") if with_beds else (0, "clinic")
                facility = f"97{code}{KIND_DIGIT[kind]}{serial:08d}"
                orgs.append((oid, kind, f"合成{KIND_JA[kind]}{pref_names[code]}{serial:06d}", centre_of[town],
                             code, town, facility, now, now, beds, beds if kind == "hospital" else None))
                institutions.append((oid, kind, group))
    db.write("municipalities", ("code", "prefecture_code", "name", "kana", "updated_at"), town_rows)
    db.write("organisations", org_columns, orgs)
    db.write("jurisdictions", ("organisation_id", "municipality_code"), juris)

    # EHR in the systems register (with its creation in the history).
    systems, system_versions = [], []
    for oid, kind, group in institutions:
        share = fig.EHR_SHARE.get(group)
        if share is None or rand() >= share:
            continue
        sid = next_id["systems"]
        next_id["systems"] += 1
        location = "cloud" if rand() < (0.3 if kind == "clinic" else 0.05) else "on_premises"
        record = {"kind": "ehr", "name": "電子カルテ", "product_name": "", "product_version": "", "vendor_name": "",
                  "vendor_organisation_id": None, "contract_start": None, "contract_end": None,
                  "maintenance_contract": False, "subcontracting": False, "data_location": location,
                  "remote_maintenance": False, "remote_method": None, "remote_method_note": "",
                  "remote_device": "", "connection_point": "", "backup_responsibility": "shared", "note": "",
                  "status": "in_use"}  # the server's snapshot (vendors::record_json and the status)
        systems.append((sid, oid, "ehr", "電子カルテ", location, "shared", now, now))
        system_versions.append((sid, 1, "created", json.dumps(record, ensure_ascii=False), now))
    db.write("systems", ("id", "organisation_id", "kind", "name", "data_location", "backup_responsibility",
                         "created_at", "updated_at"), systems)
    db.write("system_versions", ("system_id", "version", "action", "snapshot", "at"), system_versions)

    # Checklists. An institution's maturity z (fixed over the years) and its per-item leaning make answers
    # persist from year to year; the はい-rate of every (item, year, group) stays the figure's.
    years = [(fy, ed, forms) for fy, ed, forms in editions() if fy in fig.PROGRESS["hospital"]]
    form_of = {}
    for fy, ed, forms in years:
        for form_id, (kinds, rows, gated, published) in forms.items():
            for kind in kinds:
                form_of[(fy, kind)] = (form_id, rows, gated, published)
    rate_cache = {}
    tally = {}  # (item, fy, group) → [yes, answered]
    counts = {"assessments": 0, "submitted": 0, "draft": 0, "not_started": 0, "answers": 0}
    assessments, events, answers, versions = [], [], [], []
    a_columns = ("id", "organisation_id", "fiscal_year", "form", "edition", "edition_revision", "status",
                 "created_at", "submitted_at")
    e_columns = ("id", "assessment_id", "kind", "user_id", "at")
    n_columns = ("id", "assessment_id", "canonical_id", "row_key", "version", "value", "reason", "confirmed_on",
                 "target_date", "note", "needs_reconfirmation", "answered_at")
    v_columns = ("answer_id", "version", "value", "reason", "confirmed_on", "target_date", "note",
                 "needs_reconfirmation", "answered_at")

    def flush():
        db.write("assessments", a_columns, assessments)
        db.write("assessment_events", e_columns, events)
        db.write("answers", n_columns, answers)
        db.write("answer_versions", v_columns, versions)
        for batch in (assessments, events, answers, versions):
            batch.clear()

    for oid, kind, group in institutions:
        z = gauss(0, 1)
        leaning = {}
        no_system = rand() < fig.WITHOUT_SYSTEM[kind]
        for fy, edition, _ in years:
            if (fy, kind) not in form_of:
                continue
            form_id, rows, gated, published = form_of[(fy, kind)]
            submitted_share, draft_share = fig.PROGRESS[kind][fy]
            u = rand()  # progress independent of maturity, so the answered rows keep the figures' rates
            if u >= submitted_share + draft_share:
                counts["not_started"] += 1
                continue
            status = "submitted" if u < submitted_share else "draft"
            counts[status] += 1
            counts["assessments"] += 1
            aid = next_id["assessments"]
            next_id["assessments"] += 1
            # Started after the form was published, before the last month of the fiscal year.
            year_end = datetime.date(fy + 1, 3, 31)
            opens = max(published, datetime.date(fy, 4, 1)) + datetime.timedelta(days=1)
            start = opens + datetime.timedelta(days=int(((year_end - opens).days - 30) * rand() ** 2))
            created = stamp(start, rng.randrange(9 * 3600, 18 * 3600))
            if status == "draft":
                answered_rows = rows[:max(1, int(len(rows) * uniform(0.1, 0.95)))]
            else:
                answered_rows = rows
            if gated and no_system:
                answered_rows = rows[:1]
            last = start
            for position, (item, row_key) in enumerate(answered_rows):
                answer_id = next_id["answers"]
                next_id["answers"] += 1
                day = min(year_end, TODAY, start + datetime.timedelta(days=position // 4))
                last = max(last, day)
                target = None
                if gated and position == 0:
                    value = "no" if no_system else "yes"
                else:
                    key = (item, fy, group)
                    p = rate_cache.get(key)
                    if p is None:
                        p = rate_cache[key] = rate(item, fy, group)
                    if item not in leaning:
                        leaning[item] = gauss(0, 1)
                    yes = phi(-(0.5 * z + 0.5 * leaning[item] + 0.707 * gauss(0, 1))) < p
                    value = "yes" if yes else "no"
                    t = tally.setdefault(key, [0, 0])
                    t[0] += yes
                    t[1] += 1
                if value == "no" and not (gated and position == 0):  # the gate question has no target date
                    target = (day + datetime.timedelta(days=rng.randrange(0, (year_end - day).days + 1))).isoformat()
                at = stamp(day, rng.randrange(9 * 3600, 18 * 3600))
                answers.append((answer_id, aid, item, row_key, 1, value, None, day.isoformat(), target, "", 0, at))
                versions.append((answer_id, 1, value, None, day.isoformat(), target, "", 0, at))
            counts["answers"] += len(answered_rows)
            submitted_at = None
            if status == "submitted":
                submitted_day = min(year_end, TODAY, last + datetime.timedelta(days=rng.randrange(1, 20)))
                submitted_at = stamp(submitted_day, 17 * 3600 + rng.randrange(3600))
            assessments.append((aid, oid, fy, form_id, edition, 1, status, created, submitted_at))
            events.append((next_id["assessment_events"], aid, "created", None, created))
            next_id["assessment_events"] += 1
            if submitted_at:
                events.append((next_id["assessment_events"], aid, "submitted", None, submitted_at))
                next_id["assessment_events"] += 1
        if len(answers) > 50000:
            flush()
    flush()
    db.finish(("organisations", "assessments", "answers", "assessment_events", "systems"))

    by_kind = {}
    for _, kind, group in institutions:
        by_kind[kind] = by_kind.get(kind, 0) + 1
        if kind == "hospital":
            by_kind[f"hospital {group}"] = by_kind.get(f"hospital {group}", 0) + 1
    print(f"seed {args.seed}, scale {args.scale}; fiscal years/editions: "
          + ", ".join(f"{fy} {ed}" for fy, ed, _ in years))
    print(f"47 prefectures ({sum(1 for o in orgs if o[1] == 'prefecture')} added), "
          f"{sum(1 for o in orgs if o[1] == 'health_centre')} health centres added, "
          f"{len(town_rows)} municipalities added")
    for kind, n in by_kind.items():
        print(f"  {kind}: {n}")
    print(f"EHR systems: {len(systems)}")
    print(f"checklists: {counts['assessments']} ({counts['submitted']} submitted, {counts['draft']} draft; "
          f"{counts['not_started']} institution-years not started); answers: {counts['answers']}")
    print("hospital はい-rate written vs the survey figure (band: written / figure, tag):")
    for s in fig.SURVEY:
        if s["fiscal_year"] not in {fy for fy, _, _ in years}:
            continue
        cells = []
        for band in fig.BANDS:
            yes, n = tally.get((s["item"], s["fiscal_year"], band), (0, 0))
            pct, tag = s["bands"][band]
            cells.append(f"{band} {100 * yes / n if n else float('nan'):.0f}/{pct}{tag}")
        yes = sum(tally.get((s["item"], s["fiscal_year"], band), (0, 0))[0] for band in fig.BANDS)
        n = sum(tally.get((s["item"], s["fiscal_year"], band), (0, 0))[1] for band in fig.BANDS)
        pct, tag = s["average"]
        cells.append(f"all {100 * yes / n if n else float('nan'):.0f}/{pct}{tag}")
        print(f"  {s['item']} {s['fiscal_year']}: " + "  ".join(cells))
    print(f"{time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
