#include "demo_statistics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "batch_insert.hpp"
#include "demo_surveys.hpp"
#include "mamori/assessment/checklist.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"
#include "mamori/vendors/system_record.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;
using Column = BatchInsert::Column;

// SampleRandom: SplitMix64, so the sample is the same on every machine and standard library.
class SampleRandom {
  public:
    explicit SampleRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    int below(int n) { return static_cast<int>(uniform() * n); }                // [0, n)
    double normal() {                                                           // Box–Muller
        const double u = 1.0 - uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }

  private:
    std::uint64_t state_;
};

constexpr std::uint64_t kSeed = 18;  // issue 18

// kPrefectures: every prefecture but 東京都 (13) and 大阪府 (27), where the demo organisations are, with its
// population in thousands (2020 census, rounded) to spread the sample by.
struct Prefecture {
    const char* code;
    int population;
};
constexpr Prefecture kPrefectures[] = {
    {"01", 5225}, {"02", 1238}, {"03", 1211}, {"04", 2302}, {"05", 960},  {"06", 1068}, {"07", 1833},
    {"08", 2867}, {"09", 1933}, {"10", 1939}, {"11", 7345}, {"12", 6284}, {"14", 9237}, {"15", 2201},
    {"16", 1035}, {"17", 1133}, {"18", 767},  {"19", 810},  {"20", 2048}, {"21", 1979}, {"22", 3633},
    {"23", 7542}, {"24", 1770}, {"25", 1414}, {"26", 2578}, {"28", 5465}, {"29", 1324}, {"30", 923},
    {"31", 553},  {"32", 671},  {"33", 1888}, {"34", 2800}, {"35", 1342}, {"36", 720},  {"37", 950},
    {"38", 1335}, {"39", 692},  {"40", 5135}, {"41", 811},  {"42", 1312}, {"43", 1738}, {"44", 1124},
    {"45", 1070}, {"46", 1588}, {"47", 1467},
};
// Each prefecture gets kBasePerPrefecture institutions plus its population's share of kSpreadByPopulation.
constexpr int kBasePerPrefecture = 20;
constexpr int kSpreadByPopulation = 3600;

// Hospital bed bands (mamori/inspection/bed_band.hpp). The shares over-represent the larger bands (MHLW's
// 医療施設調査 has under 5 % of hospitals at 500 beds or more) so that every band holds enough hospitals
// to be shown.
struct Band {
    int min_beds;
    int max_beds;
    double share;
    int group;  // index into kGroups
};
constexpr Band kBands[] = {{20, 99, 0.30, 0},   {100, 199, 0.30, 1}, {200, 299, 0.15, 2},
                           {300, 399, 0.11, 3}, {400, 499, 0.07, 4}, {500, 1199, 0.07, 5}};

// A group answers alike: a hospital's bed band, a clinic with or without beds, a dental clinic, a pharmacy.
// yes_factor scales the はい-rate of the smallest hospital band (bench/national_figures.py KIND_FACTOR);
// ehr_share is the share with an EHR in the systems register (EHR_SHARE there: the 2024 survey for
// hospitals of 20–99 beds, an assumed gradient above; none for dental clinics and pharmacies).
struct Group {
    int band;  // index into kBands, or -1
    double yes_factor;
    double ehr_share;
};
constexpr Group kGroups[] = {{0, 1, 0.57}, {1, 1, 0.72},     {2, 1, 0.85},    {3, 1, 0.92},   {4, 1, 0.95},
                             {5, 1, 0.97}, {-1, 0.92, 0.55}, {-1, 0.85, 0.5}, {-1, 0.8, 0.0}, {-1, 0.9, 0.0}};
constexpr int kClinicWithBeds = 6, kClinicWithoutBeds = 7, kDentalClinic = 8, kPharmacy = 9;
constexpr double kClinicWithBedsShare = 0.08;

// Kinds: the share of each prefecture's sample and the progress of each fiscal year's checklist
// (submitted, draft; the rest not started), from bench/national_figures.py PROGRESS.
struct Kind {
    const char* kind;
    const char* name_ja;
    char digit;
    double share;
    double submitted[3];  // fiscal years 2024, 2025, 2026 (the year under way: fewer submitted yet)
    double draft[3];
};
constexpr Kind kKinds[] = {
    {"hospital", "病院", '1', 0.20, {0.72, 0.80, 0.45}, {0.18, 0.14, 0.40}},
    {"clinic", "診療所", '2', 0.35, {0.50, 0.58, 0.32}, {0.22, 0.20, 0.42}},
    {"dental_clinic", "歯科診療所", '3', 0.20, {0.46, 0.55, 0.30}, {0.22, 0.20, 0.42}},
    {"pharmacy", "薬局", '4', 0.25, {0.50, 0.58, 0.32}, {0.20, 0.20, 0.42}},
};

// The fiscal years and editions the sample answers (2026 on R7, as the demo's own checklists: the catalog has no
// R8 yet).
struct Year {
    int fiscal_year;
    const char* edition;
};
constexpr Year kYears[] = {{2024, "r6"}, {2025, "r7"}, {2026, "r7"}};

// はい-rates of hospitals in fiscal year 2024 (percent), smallest and largest band, linear between; later
// years gain kTrendPerYear points. IR-03 (cyber-attack BCP) and the others with a survey figure follow
// bench/national_figures.py; the rest is an assumed gradient.
struct ItemRate {
    const char* canonical_id;
    int smallest;
    int largest;
};
constexpr ItemRate kItemRates[] = {{"IR-03", 15, 45},  {"GOV-01", 80, 97}, {"VUL-01", 76, 96},
                                   {"VND-01", 41, 63}, {"LOG-01", 31, 58}, {"VND-02", 17, 37},
                                   {"IAM-05", 18, 40}, {"GOV-02", 50, 75}, {"IAM-03", 50, 72}};
constexpr ItemRate kOtherItems{"", 55, 80};
constexpr int kTrendPerYear = 3;

double yes_rate(const std::string& canonical_id, int group, int fiscal_year) {
    auto rate = kOtherItems;
    for (const auto& r : kItemRates)
        if (canonical_id == r.canonical_id) rate = r;
    const Group& g = kGroups[group];
    const int step = std::max(g.band, 0);
    const double hospital =
        rate.smallest + (rate.largest - rate.smallest) * step / 5.0 + kTrendPerYear * (fiscal_year - 2024);
    return std::min(97.0, hospital * g.yes_factor) / 100.0;
}

double normal_cdf(double x) {
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

struct Institution {
    std::string facility_id;
    std::string name;
    const Kind* kind;
    const char* prefecture;
    std::optional<int> beds;
    int group;
    double maturity;  // fixed over the years, so an institution's answers hang together
    std::optional<std::string> ehr_location;
};

struct PlannedAnswer {
    const assessment::RowKey* key;
    bool yes;
    year_month_day confirmed;
    std::optional<year_month_day> target;
    std::string answered_at;
};

struct PlannedAssessment {
    std::size_t institution;
    const Year* year;
    const catalog::Edition* edition;
    const catalog::Form* form;
    bool submitted;
    std::string created_at;
    std::optional<std::string> submitted_at;
    std::vector<PlannedAnswer> answers;
};

// stamp: an instant of `day` between 9:00 and 18:00 Japan time (00:00–09:00 UTC), `seconds` into it.
std::string stamp(year_month_day day, int seconds) {
    return to_iso_utc(sys_days(day) + std::chrono::seconds(std::clamp(seconds, 0, 9 * 3600 - 1)));
}

year_month_day earlier(year_month_day a, year_month_day b) {
    return a < b ? a : b;
}

std::vector<Institution> plan_institutions(SampleRandom& random) {
    int population = 0;
    for (const auto& p : kPrefectures) population += p.population;
    std::vector<Institution> out;
    std::map<const Kind*, int> serial;
    for (const auto& prefecture : kPrefectures) {
        const int total =
            kBasePerPrefecture +
            static_cast<int>(std::lround(double(kSpreadByPopulation) * prefecture.population / population));
        int left = total;
        for (const auto& kind : kKinds) {
            const bool last = &kind == &kKinds[std::size(kKinds) - 1];
            const int count = last ? left : static_cast<int>(std::lround(total * kind.share));
            left -= count;
            for (int i = 0; i < count; ++i) {
                Institution institution{
                    .facility_id = fmt::format("{}{}{}{:08}", kStatisticsSampleFacilityPrefix,
                                               prefecture.code, kind.digit, ++serial[&kind]),
                    .name = fmt::format("サンプル{} {:04}", kind.name_ja, serial[&kind]),
                    .kind = &kind,
                    .prefecture = prefecture.code,
                    .beds = std::nullopt,
                    .group = kPharmacy,
                    .maturity = random.normal(),
                    .ehr_location = std::nullopt};
                const std::string_view kind_id = kind.kind;
                if (kind_id == "hospital") {
                    // Stratified: the i-th hospital's place in [0, 1) picks its band, so every prefecture has
                    // the bands in their shares (to within one hospital).
                    double place = (i + random.uniform()) / count, cumulative = 0;
                    const Band* band = &kBands[std::size(kBands) - 1];
                    for (const auto& b : kBands)
                        if (place < (cumulative += b.share)) {
                            band = &b;
                            break;
                        }
                    institution.group = band->group;
                    institution.beds = band->min_beds + random.below(band->max_beds - band->min_beds + 1);
                } else if (kind_id == "clinic") {
                    const bool with_beds = random.uniform() < kClinicWithBedsShare;
                    institution.group = with_beds ? kClinicWithBeds : kClinicWithoutBeds;
                    institution.beds = with_beds ? 1 + random.below(19) : 0;
                } else if (kind_id == "dental_clinic") {
                    institution.group = kDentalClinic;
                }
                if (random.uniform() < kGroups[institution.group].ehr_share)
                    institution.ehr_location =
                        random.uniform() < (kind_id == "clinic" ? 0.3 : 0.05) ? "cloud" : "on_premises";
                out.push_back(std::move(institution));
            }
        }
    }
    return out;
}

// opening_day: the first day a checklist of `edition` can be started in `fiscal_year`: the day after the
// edition was published, and not before the fiscal year.
year_month_day opening_day(const catalog::Edition& edition, int fiscal_year) {
    auto opens = fiscal_year_bounds(fiscal_year).first;
    const auto found = edition.json.find("published");
    const std::string published =
        found != edition.json.end() && found->is_string() ? found->get<std::string>() : "";
    const auto day = parse_iso_date(published.size() == 7 ? published + "-01" : published);
    if (day && year_month_day(sys_days(*day) + days(1)) > opens)
        opens = year_month_day(sys_days(*day) + days(1));
    return opens;
}

// FormLines: the answerable lines of one form in printed order; the planned answers point at its keys.
struct FormLines {
    const catalog::Form* form = nullptr;
    std::vector<assessment::RowKey> keys;
    std::vector<bool> gate;
};

std::vector<PlannedAssessment> plan_checklists(SampleRandom& random,
                                               const std::vector<Institution>& institutions,
                                               const catalog::Catalog& catalog, year_month_day today,
                                               std::map<std::pair<int, const Kind*>, FormLines>& lines) {
    std::vector<PlannedAssessment> out;
    for (const auto& year : kYears) {
        const auto* edition = catalog.latest(year.edition);
        if (edition == nullptr || edition->fiscal_year > year.fiscal_year) continue;
        for (const auto& kind : kKinds) {
            const auto* form = edition->form_for_kind(kind.kind);
            if (form == nullptr) continue;
            auto& form_lines = lines[{year.fiscal_year, &kind}];
            form_lines.form = form;
            for (const auto& line : assessment::checklist_rows(*form)) {
                form_lines.keys.push_back(line.key);
                form_lines.gate.push_back(line.is_gate());
            }
        }
    }
    for (std::size_t index = 0; index < institutions.size(); ++index) {
        const auto& institution = institutions[index];
        for (std::size_t y = 0; y < std::size(kYears); ++y) {
            const Year& year = kYears[y];
            const auto found = lines.find({year.fiscal_year, institution.kind});
            if (found == lines.end()) continue;
            const auto& form = found->second;
            const auto* edition = catalog.latest(year.edition);
            const auto opens = opening_day(*edition, year.fiscal_year);
            const auto year_end = fiscal_year_bounds(year.fiscal_year).second;
            const double progress = random.uniform();
            if (today < opens || progress >= institution.kind->submitted[y] + institution.kind->draft[y])
                continue;  // not started
            PlannedAssessment planned{.institution = index,
                                      .year = &year,
                                      .edition = edition,
                                      .form = form.form,
                                      .submitted = progress < institution.kind->submitted[y],
                                      .created_at = {},
                                      .submitted_at = std::nullopt,
                                      .answers = {}};
            // Most start early in the year, none in its last month.
            const int span = std::max(0, int((sys_days(year_end) - sys_days(opens)).count()) - 30);
            const double early = random.uniform();
            const auto start =
                earlier(year_month_day(sys_days(opens) + days(int(span * early * early))), today);
            planned.created_at = stamp(start, random.below(2 * 3600));
            const std::size_t total = form.keys.size();
            const std::size_t answered =
                planned.submitted
                    ? total
                    : std::max<std::size_t>(1, std::size_t(double(total) * (0.1 + 0.85 * random.uniform())));
            auto last = start;
            for (std::size_t position = 0; position < answered; ++position) {
                const auto day = earlier(
                    earlier(year_month_day(sys_days(start) + days(int(position / 4))), year_end), today);
                last = std::max(last, day);
                PlannedAnswer answer{.key = &form.keys[position],
                                     .yes = true,
                                     .confirmed = day,
                                     .target = std::nullopt,
                                     .answered_at = stamp(day, 2 * 3600 + random.below(6 * 3600))};
                if (!form.gate[position]) {
                    const double p = yes_rate(answer.key->canonical_id, institution.group, year.fiscal_year);
                    answer.yes = normal_cdf(0.6 * institution.maturity + 0.8 * random.normal()) < p;
                    if (!answer.yes) {
                        const int room = int((sys_days(year_end) - sys_days(day)).count());
                        answer.target = year_month_day(sys_days(day) + days(random.below(room + 1)));
                    }
                }
                planned.answers.push_back(std::move(answer));
            }
            if (planned.submitted) {
                const auto day = earlier(
                    earlier(year_month_day(sys_days(last) + days(1 + random.below(19))), year_end), today);
                planned.submitted_at = stamp(day, 8 * 3600 + random.below(3600));
            }
            out.push_back(std::move(planned));
        }
    }
    return out;
}

std::string text_of(long long n) {
    return std::to_string(n);
}

// kInSample: the condition on `organisations o` that selects the sample (facility ids 96…; the unique
// index on facility_id serves the range).
const std::string kInSample = "o.facility_id >= '96' AND o.facility_id < '97'";

// ehr_snapshot: the system's first version as the systems register records it.
std::string ehr_snapshot(const std::string& location) {
    vendors::SystemRecord record;
    record.kind = "ehr";
    record.name = "電子カルテ";
    record.data_location = location;
    record.backup_responsibility = "shared";
    auto snapshot = vendors::record_json(record);
    snapshot["status"] = "in_use";
    return snapshot.dump();
}

StatisticsSample write_sample(soci::session& sql, const std::vector<Institution>& institutions,
                              const std::vector<PlannedAssessment>& assessments) {
    StatisticsSample written;
    const std::string now = to_iso_utc(system_clock::now());

    BatchInsert organisations(sql, "organisations",
                              {{"kind"},
                               {"name"},
                               {"prefecture_code"},
                               {"facility_id"},
                               {"beds_total", Column::integer},
                               {"created_at"}});
    for (const auto& i : institutions)
        organisations.add({i.kind->kind, i.name, i.prefecture, i.facility_id,
                           i.beds ? BatchInsert::Value(text_of(*i.beds)) : std::nullopt, now});
    organisations.finish();
    written.institutions = organisations.written();

    std::map<std::string, long long> id_of;
    soci::rowset<soci::row> organisation_ids =
        (sql.prepare << "SELECT o.id, o.facility_id FROM organisations o WHERE " + kInSample);
    for (const auto& r : organisation_ids) id_of[r.get<std::string>(1)] = store::int64_at(r, 0);

    BatchInsert systems(sql, "systems",
                        {{"organisation_id", Column::integer},
                         {"kind"},
                         {"name"},
                         {"data_location"},
                         {"backup_responsibility"},
                         {"created_at"},
                         {"updated_at"}});
    for (const auto& i : institutions)
        if (i.ehr_location)
            systems.add(
                {text_of(id_of.at(i.facility_id)), "ehr", "電子カルテ", *i.ehr_location, "shared", now, now});
    systems.finish();
    written.systems = systems.written();
    const std::string cloud = ehr_snapshot("cloud"), premises = ehr_snapshot("on_premises");
    sql << "INSERT INTO system_versions (system_id, version, action, snapshot, at) SELECT s.id, 1, "
           "'created', "
           "CASE WHEN s.data_location = 'cloud' THEN :cloud ELSE :premises END, s.created_at FROM systems s "
           "JOIN organisations o ON o.id = s.organisation_id WHERE " +
               kInSample,
        soci::use(cloud), soci::use(premises);

    BatchInsert assessment_rows(sql, "assessments",
                                {{"organisation_id", Column::integer},
                                 {"fiscal_year", Column::integer},
                                 {"form"},
                                 {"edition"},
                                 {"edition_revision", Column::integer},
                                 {"status"},
                                 {"created_at"},
                                 {"submitted_at"}});
    for (const auto& a : assessments)
        assessment_rows.add({text_of(id_of.at(institutions[a.institution].facility_id)),
                             text_of(a.year->fiscal_year), a.form->id, a.edition->id,
                             text_of(a.edition->revision.revision), a.submitted ? "submitted" : "draft",
                             a.created_at, a.submitted_at});
    assessment_rows.finish();
    written.assessments = assessment_rows.written();

    std::map<std::pair<long long, int>, long long> assessment_id;
    soci::rowset<soci::row> assessment_ids =
        (sql.prepare
         << "SELECT a.id, a.organisation_id, a.fiscal_year FROM assessments a JOIN organisations o ON "
            "o.id = a.organisation_id WHERE " +
                kInSample);
    for (const auto& r : assessment_ids)
        assessment_id[{store::int64_at(r, 1), static_cast<int>(store::int64_at(r, 2))}] =
            store::int64_at(r, 0);

    BatchInsert answers(sql, "answers",
                        {{"assessment_id", Column::integer},
                         {"canonical_id"},
                         {"row_key"},
                         {"version", Column::integer},
                         {"value"},
                         {"confirmed_on"},
                         {"target_date"},
                         {"answered_at"}});
    for (const auto& a : assessments) {
        const auto id = text_of(
            assessment_id.at({id_of.at(institutions[a.institution].facility_id), a.year->fiscal_year}));
        for (const auto& answer : a.answers)
            answers.add({id, answer.key->canonical_id, answer.key->row, "1", answer.yes ? "yes" : "no",
                         to_iso_date(answer.confirmed),
                         answer.target ? BatchInsert::Value(to_iso_date(*answer.target)) : std::nullopt,
                         answer.answered_at});
    }
    answers.finish();
    written.answers = answers.written();

    // Every answer's first version in the history, as a save through the service writes it.
    sql
        << ("INSERT INTO answer_versions (answer_id, version, value, reason, confirmed_on, target_date, "
            "second_value, second_confirmed_on, note, needs_reconfirmation, answered_by, answered_at) "
            "SELECT a.id, a.version, a.value, a.reason, a.confirmed_on, a.target_date, a.second_value, "
            "a.second_confirmed_on, a.note, a.needs_reconfirmation, a.answered_by, a.answered_at FROM "
            "answers a JOIN assessments s ON s.id = a.assessment_id JOIN organisations o ON o.id = "
            "s.organisation_id WHERE " +
            kInSample);
    sql << "INSERT INTO assessment_events (assessment_id, kind, at) SELECT a.id, 'created', a.created_at "
           "FROM "
           "assessments a JOIN organisations o ON o.id = a.organisation_id WHERE " +
               kInSample;
    sql << "INSERT INTO assessment_events (assessment_id, kind, at) SELECT a.id, 'submitted', a.submitted_at "
           "FROM assessments a JOIN organisations o ON o.id = a.organisation_id WHERE a.status = 'submitted' "
           "AND " +
               kInSample;
    return written;
}

}  // namespace

Result<StatisticsSample> create_statistics_sample(store::Database& db, const catalog::Catalog& catalog,
                                                  year_month_day today) {
    return db.transaction([&](soci::session& sql) -> Result<StatisticsSample> {
        store::serialize(sql, store::SerialWork::first_run_setup);
        long long present = 0;
        sql << "SELECT COUNT(*) FROM organisations o WHERE " + kInSample, soci::into(present);
        if (present > 0) return StatisticsSample{};

        SampleRandom random(kSeed);
        const auto institutions = plan_institutions(random);
        std::map<std::pair<int, const Kind*>, FormLines> lines;
        const auto assessments = plan_checklists(random, institutions, catalog, today, lines);
        auto written = write_sample(sql, institutions, assessments);
        written.survey_responses = write_survey_sample(sql, kInSample, today);
        audit::append(sql,
                      {.organisation_id = std::nullopt,
                       .actor = "cli",
                       .action = "demo.statistics_sample_created",
                       .target = "organisations",
                       .detail = {{"institutions", written.institutions},
                                  {"assessments", written.assessments},
                                  {"answers", written.answers},
                                  {"systems", written.systems},
                                  {"survey_responses", written.survey_responses}}},
                      {"local", "demo"});
        return written;
    });
}

}  // namespace mamori::services
