/// @file
/// @brief The figures MHLW's hospital surveys publish that the checklist also asks (issue 18, item 3), read
/// from `reference/mhlw-survey-indicators.json`: per indicator mamori's own short label, the checklist line
/// it corresponds to in each edition (with how sure that is), and the published national figure per survey —
/// with its source, confidence tag and denominator, and by bed band where published. Only figures the domain
/// file (mhlw-regime.md §6) has; a figure tagged "?" stays so.
///
///     const auto& data = builtin_survey_indicators();
///     const auto* bcp = find_indicator(data, "cyber_bcp");
///     auto mhlw = figure_for_year(data, *bcp, 2024);   // the survey of FY2024, else the latest earlier one
///     const auto* line = line_for_edition(*bcp, "r6"); // IR-03 main, "3-(3)"
///
/// Parsing checks the file's shape with limits (sizes, counts, tags from a fixed set, fiscal years
/// 2000–2100, values 0–1, https sources); every refusal names the JSON path ("indicators[2].figures[0].value").
/// Whether each mapped line exists in the catalog is a test's to check (indicators_test.cpp), not this file's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/inspection/bed_band.hpp"

namespace mamori::statistics {

inline constexpr std::string_view kSurveyIndicatorsFile = "mhlw-survey-indicators.json";
inline constexpr std::size_t max_indicator_file_bytes = 512 * 1024;
inline constexpr std::size_t max_surveys = 30;
inline constexpr std::size_t max_indicators = 60;
inline constexpr std::size_t max_indicator_lines = 30;
inline constexpr std::size_t max_indicator_figures = 30;

// Confidence tags of the domain file: V verified, S secondary, I inferred (mamori's), ? unknown.
inline constexpr std::string_view confidence_tags[] = {"V", "S", "I", "?"};

// How the survey's question and the checklist line relate: the same thing asked, or a related but different
// question (a figure beside it is context, never a comparison).
enum class IndicatorRelation { same_question, related_question };
std::string_view to_string(IndicatorRelation relation);

// Whom MHLW counted: every responding hospital, a subset of them (e.g. those with a BCP), or not known.
enum class DenominatorKind { all_respondents, subset, unknown };
std::string_view to_string(DenominatorKind kind);

struct Survey {
    std::string id;
    std::string title_ja;  // the survey's title as the domain file gives it
    std::string label_ja;  // mamori's short name, e.g. "2024年調査"
    std::string label_en;
    std::string fielded;   // when it was answered, as text
    int fiscal_year = 0;   // the fiscal year it was answered in
    std::string fiscal_year_note;
    std::string source;
};

struct IndicatorLine {
    std::string edition;  // e.g. "r7"
    std::string form;     // "medical" or "pharmacy"
    std::string item;     // canonical id, e.g. "IR-03"
    std::string row;      // e.g. "main"
    std::string number;   // as the edition prints it, e.g. "3-③"
    std::string mapping_confidence;
    std::string note;
};

struct SurveyDenominator {
    DenominatorKind kind = DenominatorKind::unknown;
    std::string text_ja;
    std::string text_en;
    bool quoted = false;  // text_ja is the source's wording, not mamori's
    std::string confidence;
    std::string note;
};

struct BandFigure {
    inspection::BedBand band = inspection::BedBand::hospital_20_99;
    double value = 0;  // 0..1
    std::string confidence;
    bool band_inferred = false;  // the source gives the value but not plainly its band
    std::string note;
};

struct SurveyFigure {
    std::string survey;  // a Survey id
    double value = 0;    // national, 0..1
    std::string confidence;
    std::optional<std::string> source;  // null only for a figure tagged "?"
    SurveyDenominator denominator;
    std::vector<BandFigure> bands;  // hospital bands, each at most once
    std::string note;
};

struct SurveyIndicator {
    std::string id;
    std::string label_ja;  // mamori's wording, not MHLW's
    std::string label_en;
    IndicatorRelation relation = IndicatorRelation::related_question;
    std::string note;
    std::vector<IndicatorLine> lines;    // at most one per edition and form
    std::vector<SurveyFigure> figures;   // at most one per survey
};

struct SurveyIndicators {
    std::string title_ja;
    std::string title_en;
    std::string labels_are;  // "mamori": the labels are mamori's wording
    std::string note;
    std::vector<Survey> surveys;  // fiscal years unique
    std::vector<SurveyIndicator> indicators;
};

// parse_survey_indicators: the whole file or every problem found, each field a JSON path; `file` names the
// file in the message.
Result<SurveyIndicators> parse_survey_indicators(std::string_view file, std::string_view text);

// builtin_survey_indicators: the embedded reference file, parsed once (a broken embedded file is a build
// error caught by the unit tests; it throws std::logic_error).
const SurveyIndicators& builtin_survey_indicators();

const SurveyIndicator* find_indicator(const SurveyIndicators& data, std::string_view id);
const Survey* find_survey(const SurveyIndicators& data, std::string_view id);
const IndicatorLine* line_for_edition(const SurveyIndicator& indicator, std::string_view edition,
                                      std::string_view form = "medical");

// YearFigure: MHLW's figure to show beside mamori's for a fiscal year: the survey answered in that year, else
// the latest survey answered before it (same_year false).
struct YearFigure {
    const SurveyFigure* figure = nullptr;
    const Survey* survey = nullptr;
    bool same_year = false;
};
std::optional<YearFigure> figure_for_year(const SurveyIndicators& data, const SurveyIndicator& indicator,
                                          int fiscal_year);

}  // namespace mamori::statistics
