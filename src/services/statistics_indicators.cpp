// MHLW's survey indicators beside mamori's figures (issue 18, item 3): for each indicator of
// reference/mhlw-survey-indicators.json, the line it maps to in the fiscal year's edition, mamori's share of
// はい among hospitals through one suppressed item table, and MHLW's published figure for that year (or the
// latest earlier one), with the reasons the two are not comparable. mamori's figures are lines of the tables the
// item view publishes (by facility kind, by bed band) for the same caller, suppressed as there: a table of
// hospitals alone would be a different table and could show a cell those hide.
#include <fmt/format.h>

#include <algorithm>

#include "mamori/services/statistics.hpp"

namespace mamori::services {

using statistics::Dimension;

namespace {

// why_not_comparable: the codes documented in docs/statistics-api.md, in a fixed order.
std::vector<std::string> why_not_comparable(const IndicatorComparison& c, bool prefecture_scope) {
    std::vector<std::string> out;
    if (!c.hospitals) out.emplace_back("not_asked_this_year");
    if (!c.mhlw) {
        out.emplace_back("no_mhlw_figure");
        return out;
    }
    if (c.indicator->relation != statistics::IndicatorRelation::same_question) out.emplace_back("related_question");
    if (!c.mhlw->same_year) out.emplace_back("earlier_survey");
    switch (c.mhlw->figure->denominator.kind) {
        case statistics::DenominatorKind::all_respondents: break;
        case statistics::DenominatorKind::subset: out.emplace_back("mhlw_denominator_subset"); break;
        case statistics::DenominatorKind::unknown: out.emplace_back("mhlw_denominator_unknown"); break;
    }
    if (c.mhlw->figure->confidence == "?") out.emplace_back("mhlw_figure_unverified");
    if (prefecture_scope) out.emplace_back("prefecture_beside_national");
    return out;
}

// hospital_lines: the hospital groups ("hospital", or the hospital bed bands) of the item table the item view
// publishes for `query`.
Result<std::vector<statistics::GroupShares>> hospital_lines(const StatisticsSnapshot& snapshot,
                                                            const ItemQuery& query, int minimum_count) {
    auto table = statistics::item_table(snapshot.item_counts(query), minimum_count);
    if (!table) return fail(table.error());
    std::vector<statistics::GroupShares> out;
    for (auto& g : table->groups)
        if (g.key == "hospital" || g.key.starts_with("hospital_")) out.push_back(std::move(g));
    return out;
}

// every_hospital_band: the six hospital bands in order, a band without any hospital with a checklist as 0 of
// 0 (a group the table does not have has none; a zero is published); "unknown" is no band.
std::vector<statistics::GroupShares> every_hospital_band(std::vector<statistics::GroupShares> published) {
    std::vector<statistics::GroupShares> out;
    for (auto band : {inspection::BedBand::hospital_20_99, inspection::BedBand::hospital_100_199,
                      inspection::BedBand::hospital_200_299, inspection::BedBand::hospital_300_399,
                      inspection::BedBand::hospital_400_499, inspection::BedBand::hospital_500_plus}) {
        const std::string key(inspection::to_string(band));
        const auto found = std::find_if(published.begin(), published.end(), [&](const auto& g) { return g.key == key; });
        out.push_back(found != published.end() ? std::move(*found) : statistics::GroupShares{key, 0, {}});
    }
    return out;
}

}  // namespace

Result<IndicatorsView> Statistics::indicators(const identity::Caller& caller, const IndicatorRequest& request) {
    StatisticsRequest base;
    base.fiscal_year = request.fiscal_year;
    base.form = "medical";
    base.by = Dimension::facility_kind;
    auto q = resolve(caller, base, false);
    if (!q) return fail(q.error());

    IndicatorsView view;
    view.by_bed_band = request.by_bed_band;
    view.bed_bands = labels_of(snapshot_, Dimension::bed_band, std::nullopt);
    const auto catalog = catalog_.snapshot();
    const auto* edition = edition_for_statistics_year(catalog->catalog(), q->fiscal_year);
    const auto* form = edition ? edition->find(q->form) : nullptr;
    std::vector<StatisticsLineInfo> lines;
    if (form) {
        view.edition = edition->id;
        lines = statistics_lines_of(catalog->catalog(), *form);
    }
    const auto& data = statistics::builtin_survey_indicators();
    for (const auto& indicator : data.indicators) {
        IndicatorComparison c;
        c.indicator = &indicator;
        c.line = form ? statistics::line_for_edition(indicator, edition->id, q->form) : nullptr;
        if (c.line)
            for (const auto& info : lines)
                if (info.item == c.line->item && info.row == c.line->row) c.line_info = info;
        if (c.line_info) {
            const StatisticsLine line{c.line_info->item, c.line_info->row};
            auto hospitals = hospital_lines(snapshot_, {q->fiscal_year, q->form, line, Dimension::facility_kind,
                                                        q->filters}, minimum_count_);
            if (!hospitals) return fail(hospitals.error());
            c.hospitals = hospitals->empty() ? statistics::GroupShares{"hospital", 0, {}} : hospitals->front();
            if (request.by_bed_band) {
                auto bands = hospital_lines(snapshot_, {q->fiscal_year, q->form, line, Dimension::bed_band,
                                                        q->filters}, minimum_count_);
                if (!bands) return fail(bands.error());
                c.bands = every_hospital_band(std::move(*bands));
            }
        }
        c.mhlw = statistics::figure_for_year(data, indicator, q->fiscal_year);
        c.not_comparable_because = why_not_comparable(c, q->filters.prefecture.has_value());
        view.indicators.push_back(std::move(c));
    }
    view.query = std::move(*q);
    return view;
}

}  // namespace mamori::services
