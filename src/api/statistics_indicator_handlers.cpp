#include "statistics_indicator_handlers.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "statistics_json.hpp"
#include "mamori/inspection/bed_band.hpp"

namespace mamori::api {

namespace {

using http::Request;
using http::Response;
using nlohmann::json;
using services::GroupLabels;
using statistics::AnswerColumn;

// kReasons: why mamori's figure and MHLW's are not comparable, as people read it.
struct Reason {
    std::string_view code, ja, en;
};
constexpr Reason kReasons[] = {
    {"not_asked_this_year", "この年度のチェックリストにはこの項目がありません", "This year's checklist does not ask this line"},
    {"no_mhlw_figure", "この年度以前の厚生労働省の公表値がありません", "MHLW published no figure for this year or before"},
    {"related_question", "調査の設問とチェックリストの項目は関連するが同じ問いではありません",
     "The survey question is related to the checklist line, not the same question"},
    {"earlier_survey", "厚生労働省の値はより前の年度の調査です", "MHLW's figure is from a survey of an earlier fiscal year"},
    {"mhlw_denominator_subset", "厚生労働省の値は回答病院の一部を母数としています",
     "MHLW's figure is over a subset of the responding hospitals"},
    {"mhlw_denominator_unknown", "厚生労働省の値の母数が不明です", "The denominator of MHLW's figure is not known"},
    {"mhlw_figure_unverified", "厚生労働省の値は報道によるもので、公表資料で確認されていません",
     "MHLW's figure is from press reports, not seen in MHLW's own material"},
    {"prefecture_beside_national", "守りの値はこの都道府県、厚生労働省の値は全国です",
     "mamori's figure is this prefecture's; MHLW's is national"},
};

json reason_json(const std::string& code) {
    for (const auto& r : kReasons)
        if (r.code == code) return {{"code", code}, {"text_ja", r.ja}, {"text_en", r.en}};
    return {{"code", code}, {"text_ja", code}, {"text_en", code}};
}

json mamori_json(const services::IndicatorComparison& c, const services::IndicatorsView& view) {
    if (!c.hospitals) return nullptr;
    const auto yes = static_cast<std::size_t>(AnswerColumn::yes);
    const auto yes_of = [&](const statistics::GroupShares& g) {
        return g.shares.size() > yes ? share_json(g.shares[yes])
                                     : (g.asked == 0 ? share_json(statistics::Share{0, 0}) : json(nullptr));
    };
    json out = {{"scope", view.query.filters.prefecture ? "prefecture" : "national"},
                {"denominator_ja", "この年度のチェックリストがある病院"},
                {"denominator_en", "hospitals with a checklist this fiscal year"},
                {"asked", c.hospitals->asked ? json(*c.hospitals->asked) : json(nullptr)},
                {"yes", yes_of(*c.hospitals)}};
    if (view.query.filters.prefecture) out["prefecture_code"] = *view.query.filters.prefecture;
    if (view.by_bed_band) {
        json bands = json::array();
        for (const auto& g : c.bands) {
            json band = labelled_json(g.key, view.bed_bands);
            band["asked"] = g.asked ? json(*g.asked) : json(nullptr);
            band["yes"] = yes_of(g);
            bands.push_back(band);
        }
        out["bands"] = bands;
    }
    return out;
}

json mhlw_json(const services::IndicatorComparison& c, const services::IndicatorsView& view) {
    if (!c.mhlw) return nullptr;
    const auto& figure = *c.mhlw->figure;
    const auto& survey = *c.mhlw->survey;
    const auto& d = figure.denominator;
    json out = {{"scope", "national"},
                {"survey",
                 {{"id", survey.id},
                  {"title_ja", survey.title_ja},
                  {"label_ja", survey.label_ja},
                  {"label_en", survey.label_en},
                  {"fielded", survey.fielded},
                  {"fiscal_year", survey.fiscal_year},
                  {"fiscal_year_note_en", survey.fiscal_year_note}}},
                {"same_fiscal_year", c.mhlw->same_year},
                {"value", figure.value},
                {"confidence", figure.confidence},
                {"source", figure.source ? json(*figure.source) : json(nullptr)},
                {"note_en", figure.note},
                {"denominator",
                 {{"kind", statistics::to_string(d.kind)},
                  {"text_ja", d.text_ja},
                  {"text_en", d.text_en},
                  {"quoted", d.quoted},
                  {"confidence", d.confidence},
                  {"note_en", d.note}}}};
    if (view.by_bed_band) {
        json bands = json::array();
        for (const auto& b : figure.bands) {
            json band = labelled_json(std::string(inspection::to_string(b.band)), view.bed_bands);
            band["value"] = b.value;
            band["confidence"] = b.confidence;
            band["band_inferred"] = b.band_inferred;
            band["note_en"] = b.note;
            bands.push_back(band);
        }
        out["bands"] = bands;
    }
    return out;
}

json indicator_json(const services::IndicatorComparison& c, const services::IndicatorsView& view) {
    const auto& i = *c.indicator;
    json line = nullptr;
    if (c.line && c.line_info)
        line = {{"item", c.line->item},
                {"row", c.line->row},
                {"number", c.line_info->number},
                {"title_ja", c.line_info->title_ja},
                {"title_en", c.line_info->title_en},
                {"mapping_confidence", c.line->mapping_confidence},
                {"mapping_note_en", c.line->note}};
    json reasons = json::array();
    for (const auto& code : c.not_comparable_because) reasons.push_back(reason_json(code));
    return {{"id", i.id},
            {"label_ja", i.label_ja},
            {"label_en", i.label_en},
            {"relation", statistics::to_string(i.relation)},
            {"note_en", i.note},
            {"line", line},
            {"mamori", mamori_json(c, view)},
            {"mhlw", mhlw_json(c, view)},
            {"comparable", c.not_comparable_because.empty()},
            {"not_comparable_because", reasons}};
}

json view_json(const services::IndicatorsView& view) {
    const auto& q = view.query;
    json scope = q.filters.prefecture ? json{{"level", "prefecture"}, {"prefecture_code", *q.filters.prefecture}}
                                      : json{{"level", "national"}};
    json indicators = json::array();
    for (const auto& c : view.indicators) indicators.push_back(indicator_json(c, view));
    return {{"fiscal_year", q.fiscal_year},
            {"form", q.form},
            {"facility_kind", "hospital"},
            {"edition", view.edition},
            {"by", view.by_bed_band ? "bed_band" : "none"},
            {"scope", scope},
            {"minimum_count", q.minimum_count},
            {"as_of", q.as_of},
            {"labels_are", "mamori"},
            {"indicators", indicators}};
}

}  // namespace

void register_statistics_indicator_routes(ApiRoutes& routes, services::Statistics& statistics) {
    auto* s = &statistics;
    routes.authenticated(http::Method::get, "/api/v1/statistics/indicators",
                         [s](Request& request, const identity::Caller& caller) {
                             services::IndicatorRequest r;
                             auto year = integer_query(request, "fiscal_year", 2000, 2100);
                             if (!year) return problem(year.error(), request);
                             if (*year) r.fiscal_year = static_cast<int>(**year);
                             const auto by = request.query_param("by").value_or("none");
                             if (by != "none" && by != "bed_band")
                                 return problem(fail(ErrorCode::invalid_input, "by: bed_band or none", "by").value(),
                                                request);
                             r.by_bed_band = by == "bed_band";
                             auto view = s->indicators(caller, r);
                             if (!view) return problem(view.error(), request);
                             return Response::json(200, view_json(*view));
                         });
}

}  // namespace mamori::api
