// The survey module's analyst side: submitted responses counted per question within the caller's statistics
// scope, through the suppressing tables (survey/tally.hpp), with the checklist's figure and MHLW's beside the
// questions linked to an indicator. The responses are read per request in one scoped query: a few thousand
// hospitals at most (docs/survey-api.md gives the time).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "mamori/core/time.hpp"
#include "mamori/inspection/bed_band.hpp"
#include "mamori/services/surveys.hpp"
#include "mamori/statistics/indicators.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "survey_records.hpp"

namespace mamori::services {

namespace {

using identity::Caller;

constexpr std::string_view kNotYours = "survey statistics are for the ministry and the prefectures";
constexpr std::string_view kUnknownBand = "unknown";

// kinds_condition: "o.kind IN ('hospital')" for the questionnaire's kinds (a closed vocabulary, checked when
// the file was read, so they can stand in the text).
std::string kinds_condition(const survey::Questionnaire& q) {
    std::string list;
    for (const auto& k : q.facility_kinds) list += fmt::format("{}'{}'", list.empty() ? "" : ", ", k);
    return fmt::format("o.kind IN ({})", list);
}

// Coded: the version's questions by index, each with its condition as the parent's index and a mask of the
// parent's options that show it, so that a response is counted from an array of option indexes.
struct Coded {
    const survey::Version* version = nullptr;
    std::vector<int> parent;              // -1: always shown
    std::vector<std::uint64_t> shown_by;  // bit o: the parent's option o shows the question

    explicit Coded(const survey::Version& v) : version(&v) {
        for (const auto& q : v.questions) {
            int p = -1;
            std::uint64_t mask = 0;
            if (q.shown_if) {
                for (std::size_t i = 0; i < v.questions.size(); ++i)
                    if (v.questions[i].id == q.shown_if->question) p = static_cast<int>(i);
                if (p >= 0)
                    for (std::size_t o = 0; o < v.questions[p].options.size(); ++o)
                        for (const auto& allowed : q.shown_if->options)
                            if (v.questions[p].options[o].id == allowed) mask |= std::uint64_t{1} << o;
            }
            parent.push_back(q.shown_if && p < 0 ? -2 : p);  // -2: names no question: never shown
            shown_by.push_back(mask);
        }
    }

    // answer: the option index of `option` for question `question` into `chosen`; unknown ones are ignored.
    void answer(std::string_view question, std::string_view option, std::vector<int>& chosen) const {
        for (std::size_t i = 0; i < version->questions.size(); ++i) {
            const auto& q = version->questions[i];
            if (q.id != question) continue;
            for (std::size_t o = 0; o < q.options.size(); ++o)
                if (q.options[o].id == option) chosen[i] = static_cast<int>(o);
            return;
        }
    }

    // shown: per question whether it is asked, given the chosen options (conditions name earlier questions).
    void shown(const std::vector<int>& chosen, std::vector<char>& out) const {
        for (std::size_t i = 0; i < parent.size(); ++i) {
            const int p = parent[i];
            out[i] = p == -1 || (p >= 0 && out[p] && chosen[p] >= 0 && ((shown_by[i] >> chosen[p]) & 1));
        }
    }
};

// Tally: per question, per group, the count of each option and (last) of those shown but not answering.
using Tally = std::vector<std::vector<std::vector<std::int64_t>>>;

Tally tally_submitted(soci::session& sql, const survey::Questionnaire& q, const Coded& coded,
                      const std::vector<std::string>& groups, const std::optional<std::string>& prefecture) {
    const auto& questions = coded.version->questions;
    Tally out(questions.size());
    for (std::size_t i = 0; i < questions.size(); ++i)
        out[i].assign(groups.size(), std::vector<std::int64_t>(questions[i].options.size() + 1, 0));
    const std::string text = fmt::format(
        "SELECT o.kind, o.beds_total, r.answers FROM survey_responses r JOIN organisations o ON o.id = "
        "r.organisation_id WHERE r.questionnaire = :q AND r.version = :v AND r.status = 'submitted' AND {}{}",
        kinds_condition(q), prefecture ? " AND o.prefecture_code = :p" : "");
    std::vector<int> chosen(questions.size());
    std::vector<char> shown(questions.size());
    const auto read = [&](const soci::row& r) {
        std::size_t g = 0;
        if (groups.size() > 1) {
            const auto beds = store::optional_int64_at(r, 1);
            const auto band = inspection::bed_band_for(r.get<std::string>(0),
                                                       beds ? std::optional<int>(static_cast<int>(*beds)) : std::nullopt);
            const std::string key = band ? std::string(inspection::to_string(*band)) : std::string(kUnknownBand);
            g = static_cast<std::size_t>(std::find(groups.begin(), groups.end(), key) - groups.begin());
            if (g >= groups.size()) return;
        }
        std::fill(chosen.begin(), chosen.end(), -1);
        const auto& answers = r.get<std::string>(2);
        const auto visit = [&](std::string_view question, std::string_view option) { coded.answer(question, option, chosen); };
        if (!survey_records::for_each_answer(answers, visit))
            for (const auto& [question, option] : survey_records::answers_of(answers)) visit(question, option);
        coded.shown(chosen, shown);
        for (std::size_t i = 0; i < questions.size(); ++i)
            if (shown[i]) ++out[i][g][chosen[i] >= 0 ? static_cast<std::size_t>(chosen[i]) : questions[i].options.size()];
    };
    if (prefecture)
        for (const auto& r : store::query(sql, text, q.id, coded.version->id, *prefecture)) read(r);
    else
        for (const auto& r : store::query(sql, text, q.id, coded.version->id)) read(r);
    return out;
}

// bands_of: the bed bands of the questionnaire's kinds in order, then "unknown".
std::vector<std::string> bands_of(const survey::Questionnaire& q) {
    std::vector<std::string> out;
    for (auto band : {inspection::BedBand::clinic_without_beds, inspection::BedBand::clinic_with_beds,
                      inspection::BedBand::hospital_20_99, inspection::BedBand::hospital_100_199,
                      inspection::BedBand::hospital_200_299, inspection::BedBand::hospital_300_399,
                      inspection::BedBand::hospital_400_499, inspection::BedBand::hospital_500_plus})
        if (q.targets(inspection::bed_range(band).kind)) out.emplace_back(inspection::to_string(band));
    out.emplace_back(kUnknownBand);
    return out;
}

std::string jst_now() {
    return to_iso_utc(std::chrono::system_clock::now() + std::chrono::hours(9)).substr(0, 19) + "+09:00";
}

}  // namespace

Result<std::vector<SurveyStatisticsSummary>> Surveys::statistics_list(const Caller& caller) {
    const auto scope = statistics_scope(caller);
    if (!scope) return fail(ErrorCode::not_found, std::string(kNotYours));
    std::vector<SurveyStatisticsSummary> out;
    auto lease = db_.acquire();
    for (const auto& q : survey::builtin_questionnaires()) {
        const std::string text = fmt::format(
            "SELECT r.version, COUNT(*) FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id "
            "WHERE r.questionnaire = :q AND r.status = 'submitted' AND {}{} GROUP BY r.version",
            kinds_condition(q), scope->empty() ? "" : " AND o.prefecture_code = :p");
        std::map<std::string, std::int64_t> counts;
        const auto read = [&](const soci::row& r) { counts[r.get<std::string>(0)] = store::int64_at(r, 1); };
        if (scope->empty())
            for (const auto& r : store::query(*lease, text, q.id)) read(r);
        else
            for (const auto& r : store::query(*lease, text, q.id, *scope)) read(r);
        for (const auto& v : q.versions)
            out.push_back({&q, &v, survey::publish_count(counts[v.id], minimum_count_)});
    }
    return out;
}

Result<SurveyStatisticsView> Surveys::statistics_view(const Caller& caller, const std::string& questionnaire,
                                                      const std::string& version, bool by_bed_band) {
    const auto scope = statistics_scope(caller);
    if (!scope) return fail(ErrorCode::not_found, std::string(kNotYours));
    const auto* q = survey::find_questionnaire(survey::builtin_questionnaires(), questionnaire);
    if (!q) return fail(ErrorCode::not_found, fmt::format("no questionnaire {}", questionnaire));
    const auto* v = survey::find_version(*q, version);
    if (!v) return fail(ErrorCode::not_found, fmt::format("questionnaire {} has no version {}", questionnaire, version));

    SurveyStatisticsView view;
    view.questionnaire = q;
    view.version = v;
    view.by_bed_band = by_bed_band;
    if (!scope->empty()) view.prefecture = *scope;
    view.minimum_count = minimum_count_;
    view.as_of = jst_now();
    auto context = statistics_.context(caller);
    if (!context) return fail(context.error());
    view.bed_bands = context->bed_bands;
    view.bed_bands[std::string(kUnknownBand)] = {"病床数が不明", "Beds not known"};
    if (view.prefecture)
        if (const auto it = context->prefectures.find(*view.prefecture); it != context->prefectures.end())
            view.prefecture_label = it->second;

    const auto groups = by_bed_band ? bands_of(*q) : std::vector<std::string>{"all"};
    const Coded coded(*v);
    const auto tally =
        db_.snapshot([&](soci::session& sql) { return tally_submitted(sql, *q, coded, groups, view.prefecture); });

    std::optional<IndicatorsView> indicators;
    const auto& reference = statistics::builtin_survey_indicators();
    std::vector<survey::QuestionTally> tallies;
    for (std::size_t i = 0; i < v->questions.size(); ++i) {
        survey::QuestionTally t{{groups, tally[i]}, v->questions[i].options.size(), std::nullopt, {}};
        if (coded.parent[i] >= 0) {
            t.parent = static_cast<std::size_t>(coded.parent[i]);
            for (std::size_t o = 0; o < survey::max_options; ++o)
                if ((coded.shown_by[i] >> o) & 1) t.showing.push_back(o);
        }
        tallies.push_back(std::move(t));
    }
    auto tables = survey::publish_questions(tallies, minimum_count_);
    if (!tables) return fail(tables.error());
    for (std::size_t i = 0; i < v->questions.size(); ++i) {
        const auto& question = v->questions[i];
        SurveyQuestionStatistics s;
        s.question = &question;
        s.table = std::move((*tables)[i]);
        if (question.indicator) {
            const auto* indicator = statistics::find_indicator(reference, *question.indicator);
            if (indicator) {
                if (!indicators) {
                    auto loaded = statistics_.indicators(caller, {v->fiscal_year, false});
                    if (!loaded) return fail(loaded.error());
                    indicators = std::move(*loaded);
                }
                ChecklistFigure c{*question.indicator, {}, {}, {}};
                for (const auto& comparison : indicators->indicators) {
                    if (comparison.indicator != indicator || !comparison.hospitals || !comparison.line_info) continue;
                    c.line_number = comparison.line_info->number;
                    c.asked = comparison.hospitals->asked;
                    const auto yes = static_cast<std::size_t>(statistics::AnswerColumn::yes);
                    if (comparison.hospitals->shares.size() > yes) c.yes = comparison.hospitals->shares[yes];
                }
                s.checklist = std::move(c);
                if (const auto figure = statistics::figure_for_year(reference, *indicator, v->fiscal_year))
                    s.mhlw = MhlwFigure{figure->figure->value,      figure->survey->label_ja,
                                        figure->survey->label_en,   figure->survey->fiscal_year,
                                        figure->same_year,          figure->figure->source,
                                        figure->figure->confidence};
            }
        }
        view.questions.push_back(std::move(s));
    }
    return view;
}

}  // namespace mamori::services
