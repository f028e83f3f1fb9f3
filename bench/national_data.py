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


phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))  # noqa: E731  standard normal distribution function
ORG_COLUMNS = ("id", "kind", "name", "parent_id", "prefecture_code", "municipality_code", "facility_id",
               "created_at", "updated_at", "beds_total", "beds_general")
ASSESSMENT_COLUMNS = ("id", "organisation_id", "fiscal_year", "form", "edition", "edition_revision", "status",
                      "created_at", "submitted_at")
EVENT_COLUMNS = ("id", "assessment_id", "kind", "user_id", "at")
ANSWER_COLUMNS = ("id", "assessment_id", "canonical_id", "row_key", "version", "value", "reason", "confirmed_on",
                  "target_date", "note", "needs_reconfirmation", "answered_at")
VERSION_COLUMNS = ("answer_id", "version", "value", "reason", "confirmed_on", "target_date", "note",
                   "needs_reconfirmation", "answered_at")


class Japan:
    """Writes the data set in steps that share the database, the random stream and the next free ids; the
    steps run in a fixed order so that a seed always gives the same rows."""

    def __init__(self, db, seed, scale):
        self.db, self.scale = db, scale
        self.rng = random.Random(seed)
        self.now = stamp(TODAY, 0)
        self.next_id = {t: int(db.query(f"SELECT COALESCE(MAX(id), 0) FROM {t}")[0][0]) + 1
                        for t in ("organisations", "assessments", "answers", "assessment_events", "systems")}
        self.written = {}

    def new_id(self, table):
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def places(self, towns):
        """Prefectures the demo lacks, the municipalities, and health centres: each prefecture's municipalities
        in code order cut into as many runs as it has health centres (a municipality a demo health centre
        covers stays its). Returns {prefecture code: [municipality codes]} and {municipality: health centre}."""
        db, now = self.db, self.now
        self.pref_names = dict(db.query("SELECT code, name_ja FROM prefectures ORDER BY code"))
        ministry = int(db.query("SELECT id FROM organisations WHERE kind = 'ministry' ORDER BY id LIMIT 1")[0][0])
        pref_org = {r[1]: int(r[0]) for r in db.query("SELECT id, prefecture_code FROM organisations "
                                                      "WHERE kind = 'prefecture'")}
        claimed = {r[1]: int(r[0]) for r in db.query(
            "SELECT j.organisation_id, j.municipality_code FROM jurisdictions j "
            "JOIN organisations o ON o.id = j.organisation_id WHERE o.kind = 'health_centre'")}
        known_towns = {r[0] for r in db.query("SELECT code FROM municipalities")}
        orgs, town_rows, juris = [], [], []
        for code, name in self.pref_names.items():
            if code not in pref_org:
                pref_org[code] = self.new_id("organisations")
                orgs.append((pref_org[code], "prefecture", name, ministry, code, None, None, now, now, None, None))
            town_rows += [(t[0], code, t[1], t[2], now) for t in towns.get(code, []) if t[0] not in known_towns]
        centres_by_pref = apportion(max(47, round(fig.HEALTH_CENTRES * self.scale)), fig.POPULATION)
        centre_of = {}
        for code, name in self.pref_names.items():
            free = [t for t in towns.get(code, [(f"{code}0000", name, "")]) if t[0] not in claimed]
            n = max(1, min(centres_by_pref[code], len(free)))
            for i in range(n):
                run = free[i * len(free) // n:(i + 1) * len(free) // n]
                centre = self.new_id("organisations")
                orgs.append((centre, "health_centre", f"{run[0][1]}保健所" if n > 1 else f"{name}保健所",
                             pref_org[code], code, run[0][0], None, now, now, None, None))
                for town in run:
                    centre_of[town[0]] = centre
                    juris.append((centre, town[0]))
            centre_of.update({town: centre for town, centre in claimed.items() if town.startswith(code)})
        db.write("municipalities", ("code", "prefecture_code", "name", "kana", "updated_at"), town_rows)
        db.write("organisations", ORG_COLUMNS, orgs)
        db.write("jurisdictions", ("organisation_id", "municipality_code"), juris)
        self.written.update({"prefectures added": sum(1 for o in orgs if o[1] == "prefecture"),
                             "health centres added": len(orgs) - sum(1 for o in orgs if o[1] == "prefecture"),
                             "municipalities added": len(town_rows)})
        return {code: sorted(t for t in centre_of if t[:2] == code) for code in self.pref_names}, centre_of

    def institutions(self, towns_of, centre_of):
        """Institutions spread by population over the prefectures and uniformly over each one's municipalities;
        returns [(id, kind, group)] where group is the bed band of a hospital, 有床/無床 of a clinic, else the kind."""
        rng, now, orgs, out = self.rng, self.now, [], []
        for kind, total in fig.KIND_TOTALS.items():
            serial = 0
            for code, count in apportion(round(total * self.scale), fig.POPULATION).items():
                for _ in range(count):
                    serial += 1
                    oid = self.new_id("organisations")
                    town = towns_of[code][rng.randrange(len(towns_of[code]))]
                    beds, group = None, kind
                    if kind == "hospital":
                        group = rng.choices(fig.BANDS, weights=[fig.BAND_SHARE[b] for b in fig.BANDS])[0]
                        low, high = fig.BAND_BEDS[group]
                        beds = rng.randint(low, high) if group != "500_plus" else int(500 + rng.expovariate(1 / 180))
                    elif kind == "clinic":
                        with_beds = rng.random() < fig.CLINIC_WITH_BEDS_SHARE
                        beds, group = (rng.randint(1, 19), "clinic_with_beds") if with_beds else (0, "clinic")
                    orgs.append((oid, kind, f"合成{KIND_JA[kind]}{self.pref_names[code]}{serial:06d}",
                                 centre_of[town], code, town, f"97{code}{KIND_DIGIT[kind]}{serial:08d}", now, now,
                                 beds, beds if kind == "hospital" else None))
                    out.append((oid, kind, group))
        self.db.write("organisations", ORG_COLUMNS, orgs)
        groups = [g for _, _, g in out]
        for kind in fig.KIND_TOTALS:
            self.written[kind] = sum(1 for _, k, _ in out if k == kind)
            for group in (fig.BANDS if kind == "hospital" else ("clinic_with_beds",) if kind == "clinic" else ()):
                self.written[f"  {group}"] = groups.count(group)
        return out

    def systems(self, institutions):
        """An EHR in the systems register at the survey's rate, with its creation in the history."""
        rand, now, systems, versions = self.rng.random, self.now, [], []
        for oid, kind, group in institutions:
            share = fig.EHR_SHARE.get(group)
            if share is None or rand() >= share:
                continue
            sid = self.new_id("systems")
            location = "cloud" if rand() < (0.3 if kind == "clinic" else 0.05) else "on_premises"
            record = {"kind": "ehr", "name": "電子カルテ", "product_name": "", "product_version": "",
                      "vendor_name": "", "vendor_organisation_id": None, "contract_start": None,
                      "contract_end": None, "maintenance_contract": False, "subcontracting": False,
                      "data_location": location, "remote_maintenance": False, "remote_method": None,
                      "remote_method_note": "", "remote_device": "", "connection_point": "",
                      "backup_responsibility": "shared", "note": "",
                      "status": "in_use"}  # the server's snapshot (vendors::record_json and the status)
            systems.append((sid, oid, "ehr", "電子カルテ", location, "shared", now, now))
            versions.append((sid, 1, "created", json.dumps(record, ensure_ascii=False), now))
        self.db.write("systems", ("id", "organisation_id", "kind", "name", "data_location",
                                  "backup_responsibility", "created_at", "updated_at"), systems)
        self.db.write("system_versions", ("system_id", "version", "action", "snapshot", "at"), versions)
        self.written["EHR systems"] = len(systems)

    def checklists(self, institutions, years):
        """Each year's checklist per institution: submitted, draft or not started. An institution's maturity z
        (fixed over the years) and its per-item leaning make answers persist from year to year, while the はい-rate
        of every (item, year, group) stays the figure's. Returns the tally {(item, year, group): [yes, answered]}."""
        rng, gauss, rand = self.rng, self.rng.gauss, self.rng.random
        form_of = {(fy, kind): (form_id, *spec[1:], edition) for fy, edition, forms in years
                   for form_id, spec in forms.items() for kind in spec[0]}
        rates, tally = {}, {}
        counts = {"submitted": 0, "draft": 0, "not started (institution-years)": 0, "answers": 0}
        batch = {"assessments": [], "assessment_events": [], "answers": [], "answer_versions": []}
        columns = {"assessments": ASSESSMENT_COLUMNS, "assessment_events": EVENT_COLUMNS,
                   "answers": ANSWER_COLUMNS, "answer_versions": VERSION_COLUMNS}

        def flush():
            for table, rows in batch.items():
                self.db.write(table, columns[table], rows)
                rows.clear()

        for oid, kind, group in institutions:
            z = gauss(0, 1)
            leaning = {}
            no_system = rand() < fig.WITHOUT_SYSTEM[kind]
            for fy, _, _ in years:
                if (fy, kind) not in form_of:
                    continue
                form_id, rows, gated, published, edition = form_of[(fy, kind)]
                submitted_share, draft_share = fig.PROGRESS[kind][fy]
                u = rand()  # progress independent of maturity, so the answered rows keep the figures' rates
                if u >= submitted_share + draft_share:
                    counts["not started (institution-years)"] += 1
                    continue
                status = "submitted" if u < submitted_share else "draft"
                counts[status] += 1
                aid = self.new_id("assessments")
                # Started after the form was published, most early in the year, none in its last month.
                year_end = datetime.date(fy + 1, 3, 31)
                opens = max(published, datetime.date(fy, 4, 1)) + datetime.timedelta(days=1)
                start = opens + datetime.timedelta(days=int(((year_end - opens).days - 30) * rand() ** 2))
                created = stamp(start, rng.randrange(9 * 3600, 18 * 3600))
                answered = rows if status == "submitted" else rows[:max(1, int(len(rows) * rng.uniform(0.1, 0.95)))]
                if gated and no_system:
                    answered = rows[:1]
                last = start
                for position, (item, row_key) in enumerate(answered):
                    answer_id = self.new_id("answers")
                    day = min(year_end, TODAY, start + datetime.timedelta(days=position // 4))
                    last = max(last, day)
                    target = None
                    is_gate = gated and position == 0
                    if is_gate:
                        value = "no" if no_system else "yes"
                    else:
                        key = (item, fy, group)
                        p = rates.get(key)
                        if p is None:
                            p = rates[key] = rate(item, fy, group)
                        if item not in leaning:
                            leaning[item] = gauss(0, 1)
                        yes = phi(-(0.5 * z + 0.5 * leaning[item] + 0.707 * gauss(0, 1))) < p
                        value = "yes" if yes else "no"
                        t = tally.setdefault(key, [0, 0])
                        t[0] += yes
                        t[1] += 1
                    if value == "no" and not is_gate:  # the gate question has no target date
                        target = (day + datetime.timedelta(days=rng.randrange(0, (year_end - day).days + 1))).isoformat()
                    at = stamp(day, rng.randrange(9 * 3600, 18 * 3600))
                    batch["answers"].append((answer_id, aid, item, row_key, 1, value, None, day.isoformat(), target,
                                             "", 0, at))
                    batch["answer_versions"].append((answer_id, 1, value, None, day.isoformat(), target, "", 0, at))
                counts["answers"] += len(answered)
                submitted_at = None
                if status == "submitted":
                    submitted_day = min(year_end, TODAY, last + datetime.timedelta(days=rng.randrange(1, 20)))
                    submitted_at = stamp(submitted_day, 17 * 3600 + rng.randrange(3600))
                batch["assessments"].append((aid, oid, fy, form_id, edition, 1, status, created, submitted_at))
                batch["assessment_events"].append((self.new_id("assessment_events"), aid, "created", None, created))
                if submitted_at:
                    batch["assessment_events"].append((self.new_id("assessment_events"), aid, "submitted", None,
                                                       submitted_at))
            if len(batch["answers"]) > 50000:
                flush()
        flush()
        self.written.update(counts)
        return tally


def print_rates(tally, years):
    print("hospital はい-rate written vs the survey figure (band: written / figure, tag):")
    percent = lambda yes, n: f"{100 * yes / n:.0f}" if n else "-"  # noqa: E731
    for s in fig.SURVEY:
        if s["fiscal_year"] not in {fy for fy, _, _ in years}:
            continue
        counts = [tally.get((s["item"], s["fiscal_year"], band), (0, 0)) for band in fig.BANDS]
        cells = [f"{band} {percent(*c)}/{s['bands'][band][0]}{s['bands'][band][1]}"
                 for band, c in zip(fig.BANDS, counts)]
        cells.append(f"all {percent(sum(c[0] for c in counts), sum(c[1] for c in counts))}/"
                     f"{s['average'][0]}{s['average'][1]}")
        print(f"  {s['item']} {s['fiscal_year']}: " + "  ".join(cells))


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
    db = Sqlite(args.database[len("sqlite:"):]) if args.database.startswith("sqlite:") else Postgres(args.database)
    years = [(fy, ed, forms) for fy, ed, forms in editions() if fy in fig.PROGRESS["hospital"]]
    japan = Japan(db, args.seed, args.scale)
    towns_of, centre_of = japan.places(municipalities(args.municipalities))
    institutions = japan.institutions(towns_of, centre_of)
    japan.systems(institutions)
    tally = japan.checklists(institutions, years)
    db.finish(("organisations", "assessments", "answers", "assessment_events", "systems"))

    print(f"seed {args.seed}, scale {args.scale}; fiscal years/editions: "
          + ", ".join(f"{fy} {ed}" for fy, ed, _ in years))
    for what, n in japan.written.items():
        print(f"  {what}: {n}")
    print_rates(tally, years)
    print(f"{time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
