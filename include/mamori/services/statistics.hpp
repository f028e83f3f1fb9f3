/// @file
/// @brief National statistics (issue 18): who may see which aggregates, and every view built from the
/// in-memory snapshot (statistics_snapshot.hpp) through the suppressing tables of src/statistics — the only way
/// a count leaves this service. Ministry users see the whole country; prefecture users their own prefecture;
/// nobody else sees any (not_found, as for a page that does not exist for them).
///
///     Statistics statistics(snapshot, catalog);
///     auto view = statistics.item(caller, {.fiscal_year = 2025, .form = "medical", .item = "IR-03"});
///     view->table.groups[0].shares[0]   // a published share, or nullopt (suppressed)
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/services/statistics_snapshot.hpp"
#include "mamori/statistics/indicators.hpp"
#include "mamori/statistics/item_table.hpp"
#include "mamori/statistics/open_data.hpp"
#include "mamori/statistics/sheets.hpp"

namespace mamori::services {

// StatisticsRequest: the parameters of a view as the API reads them; unset values take their defaults
// (the latest fiscal year with checklists, the medical form, the item's first row, by prefecture).
struct StatisticsRequest {
    std::optional<int> fiscal_year;
    std::string form = "medical";
    std::string item;  // canonical id; required by the item, cross and trend views
    std::optional<std::string> row;
    statistics::Dimension by = statistics::Dimension::prefecture;
    StatisticsFilters filters;
    statistics::AnswerColumn answer = statistics::AnswerColumn::yes;  // the cross view's answer
};

// GroupLabels: the name of each group key in both languages.
using GroupLabels = std::map<std::string, statistics::LocalText>;

// StatisticsLineInfo: one line of a form as the item list shows it.
struct StatisticsLineInfo {
    std::string item;
    std::string row;
    std::string number;  // as printed, e.g. "3-③"
    std::string title_ja;
    std::string title_en;
};

// StatisticsQuery: a request with its defaults resolved, as every view echoes it.
struct StatisticsQuery {
    int fiscal_year = 0;
    std::string form;
    std::optional<StatisticsLineInfo> line;
    statistics::Dimension by = statistics::Dimension::prefecture;
    StatisticsFilters filters;
    std::vector<statistics::SheetFilter> filter_labels;  // the filters as people read them
    int minimum_count = statistics::default_minimum_count;
    std::string as_of;
};

struct StatisticsContext {
    std::optional<std::string> prefecture;  // the caller's scope: nullopt = the whole country
    int minimum_count = statistics::default_minimum_count;
    std::vector<int> fiscal_years;  // with checklists of the medical or the pharmacy form
    GroupLabels prefectures;        // within the scope
    GroupLabels bed_bands;
    GroupLabels facility_kinds;
    std::string as_of;
};

struct StatisticsItems {
    int fiscal_year = 0;
    std::string form;
    std::string edition;
    std::vector<StatisticsLineInfo> lines;
};

struct ItemView {
    StatisticsQuery query;
    statistics::ItemTable table;
    GroupLabels labels;
};

struct CrossView {
    StatisticsQuery query;
    statistics::CrossTable table;
    GroupLabels row_labels;
    GroupLabels column_labels;
};

struct TrendView {
    StatisticsQuery query;
    std::vector<statistics::TrendPoint> years;
    GroupLabels labels;
};

struct RateView {
    StatisticsQuery query;
    statistics::RateTable table;
    GroupLabels labels;
};

// TargetView: the line's いいえ whose target date (目標日) is still ahead or has passed, per group, as of `today`.
struct TargetView {
    StatisticsQuery query;
    statistics::TargetTable table;
    GroupLabels labels;
    std::string today;  // YYYY-MM-DD, the Japan date the targets are measured against
};

// OpenDataFile: every line of a fiscal year's form by prefecture, for the yearly open-data file.
struct OpenDataFile {
    int fiscal_year = 0;
    std::string form;
    int minimum_count = statistics::default_minimum_count;
    std::vector<statistics::OpenDataLine> lines;
};

// statistics_scope: nullopt when the caller may not see statistics; else the prefecture it is confined to
// ("" = the whole country). The survey module's analyst views use the same rule.
std::optional<std::string> statistics_scope(const identity::Caller& caller);

// labels_of: the names of every group key of `dimension` the snapshot knows (prefectures, health centres
// within `prefecture`, kinds, bed bands, EHR use), "unknown" included.
GroupLabels labels_of(const StatisticsSnapshot& snapshot, statistics::Dimension dimension,
                      const std::optional<std::string>& prefecture);

// IndicatorRequest / IndicatorsView: MHLW's survey indicators beside mamori's figure for the same checklist line
// (issue 18, item 3; statistics_indicators.cpp). mamori's figure is over hospitals only (the surveys are of
// hospitals): the share of はい among hospitals with a checklist of the medical form that year, nationally
// (within the caller's scope) and by bed band when asked. Each is the hospital line of the very table the item
// view publishes for that line by facility kind (by bed band), so this view shows nothing those do not.
struct IndicatorRequest {
    std::optional<int> fiscal_year;
    bool by_bed_band = false;
};

// IndicatorComparison: one indicator's line that year, mamori's published table (nullopt when the year's
// edition does not ask the line), MHLW's figure for that fiscal year or the latest earlier one, and why the
// two are not comparable (empty: comparable).
struct IndicatorComparison {
    const statistics::SurveyIndicator* indicator = nullptr;
    const statistics::IndicatorLine* line = nullptr;
    std::optional<StatisticsLineInfo> line_info;
    std::optional<statistics::GroupShares> hospitals;  // nullopt: the line is not asked that year
    std::vector<statistics::GroupShares> bands;         // the hospital bands, when asked by bed band
    std::optional<statistics::YearFigure> mhlw;
    std::vector<std::string> not_comparable_because;  // codes, see docs/statistics-api.md
};

struct IndicatorsView {
    StatisticsQuery query;
    bool by_bed_band = false;
    std::string edition;
    std::vector<IndicatorComparison> indicators;
    GroupLabels bed_bands;
};

// edition_for_statistics_year: the edition a checklist of `fiscal_year` is answered on (the latest edition of
// that year or before), nullptr when there is none.
const catalog::Edition* edition_for_statistics_year(const catalog::Catalog& catalog, int fiscal_year);
// statistics_lines_of: every answerable line of `form`, titled as the item list titles them.
std::vector<StatisticsLineInfo> statistics_lines_of(const catalog::Catalog& catalog, const catalog::Form& form);

class Statistics {
  public:
    Statistics(StatisticsSnapshot& snapshot, const CatalogService& catalog,
               int minimum_count = statistics::default_minimum_count);

    Result<StatisticsContext> context(const identity::Caller& caller);
    Result<StatisticsItems> items(const identity::Caller& caller, const StatisticsRequest& request);
    Result<ItemView> item(const identity::Caller& caller, const StatisticsRequest& request);
    Result<CrossView> cross(const identity::Caller& caller, const StatisticsRequest& request);
    Result<TrendView> trend(const identity::Caller& caller, const StatisticsRequest& request);
    Result<RateView> rates(const identity::Caller& caller, const StatisticsRequest& request);
    Result<TargetView> targets(const identity::Caller& caller, const StatisticsRequest& request);
    // open_data: the national publication; the ministry's users only.
    Result<OpenDataFile> open_data(const identity::Caller& caller, const StatisticsRequest& request);
    // open_data_dictionary: the data dictionary of that file (CSV), for the same callers.
    Result<std::string> open_data_dictionary(const identity::Caller& caller) const;
    // indicators: MHLW's survey indicators beside mamori's hospitals (statistics_indicators.cpp); the same
    // callers and scope as the other views, MHLW's figures always national.
    Result<IndicatorsView> indicators(const identity::Caller& caller, const IndicatorRequest& request);

  private:
    // resolve: the caller's scope applied (not_found outside it), defaults filled in, the line checked against
    // the catalog when `needs_line`; brings the snapshot up to date first.
    Result<StatisticsQuery> resolve(const identity::Caller& caller, const StatisticsRequest& request,
                                    bool needs_line);

    StatisticsSnapshot& snapshot_;
    const CatalogService& catalog_;
    int minimum_count_;
};

}  // namespace mamori::services
