#include "demo_surveys.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "batch_insert.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/inspection/bed_band.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/survey/questionnaire.hpp"
#include "identity_records.hpp"
#include "survey_records.hpp"

namespace mamori::services {

namespace {

constexpr std::string_view kQuestionnaire = "mhlw-hospital";
constexpr std::string_view kCurrentVersion = "2026";

// Rate: the share answering "yes" in the smallest and the largest hospital band (linear between), per
// version. From mhlw-regime.md §6.3: BCP 14% in the smallest band and 23% on average in 2023, 25%→44% in
// 2024; drills 34% of those with a BCP; EHR 57% at 20–99 beds; the Q11–Q13 figures 44%, 51%, 35%; 安全管理責任者
// 73%; vulnerability information 76%→96%; MDS/SDS 19%. The gradients around the averages are assumed.
struct Rate {
    const char* question;
    double smallest_2023, largest_2023, smallest_2026, largest_2026;
};
constexpr Rate kRates[] = {
    {"ehr_in_use", 0.55, 0.97, 0.57, 0.97},  {"q10_1", 0.72, 0.88, 0.75, 0.90},
    {"q10_2", 0.58, 0.76, 0.62, 0.80},       {"offline_backup", 0.42, 0.60, 0.48, 0.66},
    {"q11", 0.38, 0.56, 0.42, 0.60},         {"q12", 0.45, 0.62, 0.49, 0.66},
    {"q13", 0.28, 0.50, 0.32, 0.55},         {"cyber_bcp", 0.14, 0.40, 0.25, 0.44},
    {"bcp_drill", 0.30, 0.42, 0.30, 0.49},   {"security_manager", 0.68, 0.90, 0.80, 0.95},
    {"vulnerability_information", 0.74, 0.94, 0.76, 0.96}, {"mds_sds", 0.15, 0.30, 0.18, 0.35},
};
// Q10's frequencies (monthly … not updated), the same in every band.
constexpr double kBackupFrequency[] = {0.62, 0.20, 0.08, 0.04, 0.06};

// Random: SplitMix64, so the sample is the same on every machine.
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    double uniform() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
    }

  private:
    std::uint64_t state_;
};

// band_place: 0 for the smallest hospital band … 1 for the largest (unknown beds: the smallest).
double band_place(std::optional<std::int64_t> beds) {
    const auto band = inspection::bed_band_for("hospital", beds ? std::optional<int>(static_cast<int>(*beds)) : std::nullopt);
    if (!band) return 0;
    return (static_cast<int>(*band) - static_cast<int>(inspection::BedBand::hospital_20_99)) / 5.0;
}

// answers_for: a complete response to `version` (every shown question answered), in the questionnaire's order.
survey::Answers answers_for(const survey::Version& version, double place, bool current, Random& random) {
    survey::Answers out;
    for (const auto& q : version.questions) {
        if (!survey::shown(version, q, out)) continue;
        if (q.id == "q10") {
            double u = random.uniform(), cumulative = 0;
            std::size_t chosen = q.options.size() - 1;
            for (std::size_t i = 0; i < std::size(kBackupFrequency) && i < q.options.size(); ++i)
                if (u < (cumulative += kBackupFrequency[i])) {
                    chosen = i;
                    break;
                }
            out[q.id] = q.options[chosen].id;
            continue;
        }
        double rate = 0.5;
        for (const auto& r : kRates)
            if (q.id == r.question)
                rate = current ? r.smallest_2026 + (r.largest_2026 - r.smallest_2026) * place
                               : r.smallest_2023 + (r.largest_2023 - r.smallest_2023) * place;
        const bool yes = random.uniform() < rate;
        out[q.id] = q.find_option(yes ? "yes" : "no") ? (yes ? "yes" : "no") : q.options.front().id;
    }
    return out;
}

}  // namespace

Status create_persona_survey_draft(store::Database& db, const identity::Caller& hospital,
                                   const audit::Context& context) {
    const auto* q = survey::find_questionnaire(survey::builtin_questionnaires(), kQuestionnaire);
    const auto* v = q ? survey::find_version(*q, kCurrentVersion) : nullptr;
    if (!v) return {};
    return db.transaction([&](soci::session& sql) -> Status {
        if (survey_records::find(sql, hospital.organisation.id, q->id, v->id)) return {};
        // The first half of the questions, as a person stops half-way; all shown (the EHR in use).
        survey::Answers answers;
        Random random(hospital.organisation.id);
        const auto complete = answers_for(*v, 0.6, true, random);
        std::size_t n = 0;
        for (const auto& question : v->questions)
            if (const auto a = complete.find(question.id); a != complete.end() && n++ < v->questions.size() / 2)
                answers[question.id] = a->second;
        answers["ehr_in_use"] = "yes";
        if (!survey::validate_answers(*v, answers)) return {};
        const survey_records::Write write{"draft", answers, hospital.user_id, records::iso_now(), "saved"};
        if (!survey_records::insert_first(sql, hospital.organisation.id, q->id, v->id, write)) return {};
        survey_records::append_revision(sql, hospital.organisation.id, q->id, v->id, 1, write);
        audit::append(sql,
                      audit::caller_entry(hospital, "survey.response_saved", fmt::format("survey:{}/{}", q->id, v->id),
                                          {{"revision", 1}, {"status", "draft"}, {"demo", true}}),
                      context);
        return {};
    });
}

std::size_t write_survey_sample(soci::session& sql, const std::string& in_sample, std::chrono::year_month_day today) {
    const auto* q = survey::find_questionnaire(survey::builtin_questionnaires(), kQuestionnaire);
    if (!q) return 0;
    struct Hospital {
        long long id;
        std::optional<std::int64_t> beds;
    };
    std::vector<Hospital> hospitals;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT o.id, o.beds_total FROM organisations o WHERE o.kind = 'hospital' AND " + in_sample +
                            " ORDER BY o.facility_id");
    for (const auto& r : rows) hospitals.push_back({store::int64_at(r, 0), store::optional_int64_at(r, 1)});

    BatchInsert responses(sql, "survey_responses",
                          {{"organisation_id", BatchInsert::Column::integer},
                           {"questionnaire"},
                           {"version"},
                           {"status"},
                           {"revision", BatchInsert::Column::integer},
                           {"answers"},
                           {"updated_at"},
                           {"submitted_at"}});
    Random random(183);
    for (const auto& v : q->versions) {
        if (today < v.opens) continue;  // not fielded yet
        const bool current = v.id == kCurrentVersion;
        // 2023: 4,811 of about 8,300 hospitals answered; the current version, part-way through its window.
        const double respond = current ? 0.45 : 0.58;
        const auto day = std::min(today, std::chrono::year_month_day(std::chrono::sys_days(v.opens) + std::chrono::days(30)));
        const std::string at = to_iso_date(day) + "T01:00:00.000Z";
        for (const auto& h : hospitals) {
            if (random.uniform() >= respond) continue;
            const auto answers = answers_for(v, band_place(h.beds), current, random);
            responses.add({std::to_string(h.id), q->id, v.id, "submitted", "1", survey_records::answers_text(answers),
                           at, at});
        }
    }
    responses.finish();
    sql << "INSERT INTO survey_response_revisions (response_id, revision, action, status, answers, at) SELECT r.id, "
           "1, 'submitted', r.status, r.answers, r.submitted_at FROM survey_responses r JOIN organisations o ON o.id = "
           "r.organisation_id WHERE " +
               in_sample;
    return responses.written();
}

}  // namespace mamori::services
