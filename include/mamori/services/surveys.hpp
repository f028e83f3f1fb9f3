/// @file
/// @brief The survey module (issue 18, item 3; docs/survey-api.md): questionnaires of
/// reference/surveys/ filled in by the institutions they target, and their answers counted for the ministry
/// and the prefectures through the suppressing tables of src/statistics.
///
/// Institution side (survey_responses.cpp): the caller's own institution only — any of its users reads, the
/// users who may edit its checklist write while the version is open; a caller of any other organisation gets
/// not_found, as does an institution the questionnaire does not target. A write names the revision it read;
/// the UPDATE checks it, so of two concurrent writers one gets conflict ("stale_revision"). Every write keeps a
/// revision row and an audit row in the same transaction.
///
/// Analyst side (survey_statistics.cpp): the callers and scope of services::Statistics (the ministry the
/// country, a prefecture itself, anyone else not_found); counts of submitted responses, read per request.
///
///     Surveys surveys(db, statistics);
///     auto form = surveys.form(caller, "mhlw-hospital", "2026");
///     auto saved = surveys.save(caller, "mhlw-hospital", "2026", form->response.revision, answers, context);
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/statistics.hpp"
#include "mamori/store/database.hpp"
#include "mamori/survey/questionnaire.hpp"
#include "mamori/survey/tally.hpp"

namespace mamori::services {

// SurveyClock: today's Japan date, as the service decides whether a version is open.
using SurveyClock = std::function<std::chrono::year_month_day()>;
SurveyClock system_survey_clock();

// Reasons (FieldError::reason) the handlers turn into the problem's code.
inline constexpr std::string_view kStaleRevision = "stale_revision";
inline constexpr std::string_view kSurveyClosed = "closed";
inline constexpr std::string_view kSurveyIncomplete = "incomplete";

struct SurveyResponse {
    std::string status = "not_started";  // not_started, draft or submitted
    int revision = 0;                    // 0: never saved
    survey::Answers answers;
    std::optional<std::string> updated_at;
    std::optional<std::string> updated_by;  // display names
    std::optional<std::string> submitted_at;
    std::optional<std::string> submitted_by;
};

struct SurveySummary {
    const survey::Questionnaire* questionnaire = nullptr;
    const survey::Version* version = nullptr;
    bool open = false;
    SurveyResponse response;
};

struct SurveyForm {
    const survey::Questionnaire* questionnaire = nullptr;
    const survey::Version* version = nullptr;
    bool open = false;
    bool can_edit = false;
    SurveyResponse response;
};

struct SurveyRevision {
    int revision = 0;
    std::string action;  // saved or submitted
    std::string status;
    survey::Answers answers;
    std::string at;
    std::string by;
};

// SurveyStatisticsSummary: one version as the analysts' list shows it.
struct SurveyStatisticsSummary {
    const survey::Questionnaire* questionnaire = nullptr;
    const survey::Version* version = nullptr;
    std::optional<std::int64_t> responses;  // submitted within scope; nullopt: suppressed
};

// ChecklistFigure: the hospitals' share of はい on the checklist line linked through the question's indicator,
// in the version's fiscal year (the indicators view's published figure; nullopt fields: not asked that year
// or suppressed).
struct ChecklistFigure {
    std::string indicator;
    std::optional<std::string> line_number;
    std::optional<statistics::Share> yes;
    std::optional<std::int64_t> asked;
};

struct MhlwFigure {
    double value = 0;
    std::string survey_label_ja;
    std::string survey_label_en;
    int survey_fiscal_year = 0;
    bool same_fiscal_year = false;
    std::optional<std::string> source;
    std::string confidence;
};

struct SurveyQuestionStatistics {
    const survey::Question* question = nullptr;
    survey::PublishedQuestion table;  // "all" first, then bed bands when asked by band
    std::optional<ChecklistFigure> checklist;
    std::optional<MhlwFigure> mhlw;
};

struct SurveyStatisticsView {
    const survey::Questionnaire* questionnaire = nullptr;
    const survey::Version* version = nullptr;
    bool by_bed_band = false;
    std::optional<std::string> prefecture;  // the scope; nullopt: national
    statistics::LocalText prefecture_label;
    int minimum_count = statistics::default_minimum_count;
    std::string as_of;
    std::vector<SurveyQuestionStatistics> questions;
    GroupLabels bed_bands;
};

class Surveys {
  public:
    Surveys(store::Database& db, Statistics& statistics, SurveyClock today = system_survey_clock(),
            int minimum_count = statistics::default_minimum_count);

    // Institution side.
    Result<std::vector<SurveySummary>> list(const identity::Caller& caller);
    Result<SurveyForm> form(const identity::Caller& caller, const std::string& questionnaire,
                            const std::string& version);
    // save: the whole set of answers (an absent question is unanswered); a submitted response stays submitted
    // and must stay complete.
    Result<SurveyForm> save(const identity::Caller& caller, const std::string& questionnaire,
                            const std::string& version, int revision, const survey::Answers& answers,
                            const audit::Context& context);
    Result<SurveyForm> submit(const identity::Caller& caller, const std::string& questionnaire,
                              const std::string& version, int revision, const audit::Context& context);
    Result<std::vector<SurveyRevision>> history(const identity::Caller& caller, const std::string& questionnaire,
                                                const std::string& version);

    // Analyst side.
    Result<std::vector<SurveyStatisticsSummary>> statistics_list(const identity::Caller& caller);
    Result<SurveyStatisticsView> statistics_view(const identity::Caller& caller, const std::string& questionnaire,
                                                 const std::string& version, bool by_bed_band);

  private:
    store::Database& db_;
    Statistics& statistics_;
    SurveyClock today_;
    int minimum_count_;
};

}  // namespace mamori::services
