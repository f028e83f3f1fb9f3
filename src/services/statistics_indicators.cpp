// MHLW's survey indicators beside mamori's figures (issue 18, item 3): for each indicator of
// reference/mhlw-survey-indicators.json, the line it maps to in the fiscal year's edition, mamori's share of
// はい among hospitals through one suppressed item table, and MHLW's published figure for that year (or the
// latest earlier one), with the reasons the two are not comparable.
#include <fmt/format.h>

#include "mamori/services/statistics.hpp"

namespace mamori::services {

using statistics::Dimension;

namespace {

// why_not_comparable: the codes documented in docs/statistics-api.md, in a fixed order.
std::vector<std::string> why_not_comparable(const IndicatorComparison& c, bool prefecture_scope) {
    std::vector<std::string> out;
    if (!c.table) out.emplace_back("not_asked_this_year");
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

}  // namespace

Result<IndicatorsView> Statistics::indicators(const identity::Caller& caller, const IndicatorRequest& request) {
    StatisticsRequest base;
    base.fiscal_year = request.fiscal_year;
    base.form = "medical";
    base.by = request.by_bed_band ? Dimension::bed_band : Dimension::facility_kind;
    base.filters.kind = identity::OrgKind::hospital;  // the surveys are of hospitals
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
            auto counts = snapshot_.item_counts({q->fiscal_year, q->form, {c.line_info->item, c.line_info->row},
                                                 q->by, q->filters});
            auto table = statistics::item_table(counts, minimum_count_);
            if (!table) return fail(table.error());
            c.table = std::move(*table);
        }
        c.mhlw = statistics::figure_for_year(data, indicator, q->fiscal_year);
        c.not_comparable_because = why_not_comparable(c, q->filters.prefecture.has_value());
        view.indicators.push_back(std::move(c));
    }
    view.query = std::move(*q);
    return view;
}

}  // namespace mamori::services
