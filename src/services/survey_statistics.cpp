// The survey module's analyst side: submitted responses counted per question within the caller's statistics
// scope, through the suppressing tables (survey/tally.hpp), with the checklist's figure and MHLW's beside the
// questions linked to an indicator. The responses are read per request in one scoped query: a few thousand
// hospitals at most (docs/survey-api.md gives the time).
#include <fmt/format.h>

#include <algorithm>

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

struct Respondent {
    std::string band;  // a bed band key, or "unknown"
    survey::Answers answers;
};

std::vector<Respondent> submitted(soci::session& sql, const survey::Questionnaire& q, const survey::Version& v,
                                  const std::optional<std::string>& prefecture) {
    const std::string text = fmt::format(
        "SELECT o.kind, o.beds_total, r.answers FROM survey_responses r JOIN organisations o ON o.id = "
        "r.organisation_id WHERE r.questionnaire = :q AND r.version = :v AND r.status = 'submitted' AND {}{}",
        kinds_condition(q), prefecture ? " AND o.prefecture_code = :p" : "");
    std::vector<Respondent> out;
    const auto read = [&](const soci::row& r) {
        const auto beds = store::optional_int64_at(r, 1);
        const auto band = inspection::bed_band_for(r.get<std::string>(0),
                                                   beds ? std::optional<int>(static_cast<int>(*beds)) : std::nullopt);
        out.push_back({band ? std::string(inspection::to_string(*band)) : std::string(kUnknownBand),
                       survey_records::answers_of(r.get<std::string>(2))});
    };
    if (prefecture)
        for (const auto& r : store::query(sql, text, q.id, v.id, *prefecture)) read(r);
    else
        for (const auto& r : store::query(sql, text, q.id, v.id)) read(r);
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

// counts_of: per group, each option's count and those shown the question without an answer.
survey::QuestionCounts counts_of(const survey::Version& v, const survey::Question& question,
                                 const std::vector<Respondent>& respondents, const std::vector<std::string>& groups) {
    survey::QuestionCounts out{groups, std::vector<std::vector<std::int64_t>>(
                                           groups.size(), std::vector<std::int64_t>(question.options.size() + 1, 0))};
    for (const auto& r : respondents) {
        if (!survey::shown(v, question, r.answers)) continue;
        const auto g = groups.size() == 1 ? 0
                                          : static_cast<std::size_t>(
                                                std::find(groups.begin(), groups.end(), r.band) - groups.begin());
        if (g >= groups.size()) continue;
        std::size_t column = question.options.size();  // unanswered (or an option no longer in the file)
        if (const auto a = r.answers.find(question.id); a != r.answers.end())
            for (std::size_t o = 0; o < question.options.size(); ++o)
                if (question.options[o].id == a->second) column = o;
        ++out.counts[g][column];
    }
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

    const auto respondents = db_.snapshot([&](soci::session& sql) { return submitted(sql, *q, *v, view.prefecture); });
    const auto groups = by_bed_band ? bands_of(*q) : std::vector<std::string>{"all"};

    std::optional<IndicatorsView> indicators;
    const auto& reference = statistics::builtin_survey_indicators();
    for (const auto& question : v->questions) {
        SurveyQuestionStatistics s;
        s.question = &question;
        auto table = survey::publish_question(counts_of(*v, question, respondents, groups), question.options.size(),
                                              minimum_count_);
        if (!table) return fail(table.error());
        s.table = std::move(*table);
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
