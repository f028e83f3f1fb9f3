#include "statistics_handlers.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "statistics_json.hpp"
#include "statistics_files.hpp"
#include "mamori/inspection/bed_band.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::GroupLabels;
using statistics::AnswerColumn;
using statistics::Dimension;

constexpr std::size_t kMaxItemIdBytes = 40;

constexpr std::array<std::string_view, statistics::answer_column_count> kAnswerKeys = {"yes", "no", "not_required",
                                                                                       "unanswered"};

std::optional<Dimension> parse_dimension(std::string_view text) {
    for (auto d : {Dimension::prefecture, Dimension::health_centre, Dimension::facility_kind, Dimension::bed_band,
                   Dimension::ehr_use})
        if (statistics::to_string(d) == text) return d;
    return std::nullopt;
}

bool is_prefecture_code(std::string_view code) {
    return code.size() == 2 && code >= "01" && code <= "47";
}

Result<services::StatisticsRequest> read_request(const Request& request) {
    services::StatisticsRequest r;
    auto year = integer_query(request, "fiscal_year", 2000, 2100);
    if (!year) return fail(year.error());
    if (*year) r.fiscal_year = static_cast<int>(**year);
    r.form = request.query_param("form").value_or("medical");
    if (r.form != "medical" && r.form != "pharmacy")
        return fail(ErrorCode::invalid_input, "form: medical or pharmacy", "form");
    r.item = request.query_param("item").value_or("");
    if (r.item.size() > kMaxItemIdBytes)
        return fail(ErrorCode::invalid_input, fmt::format("item: at most {} bytes", kMaxItemIdBytes), "item");
    if (auto row = request.query_param("row"); row && !row->empty()) {
        if (row->size() > kMaxItemIdBytes)
            return fail(ErrorCode::invalid_input, fmt::format("row: at most {} bytes", kMaxItemIdBytes), "row");
        r.row = *row;
    }
    if (auto by = request.query_param("by"); by && !by->empty()) {
        auto d = parse_dimension(*by);
        if (!d)
            return fail(ErrorCode::invalid_input,
                        "by: prefecture, health_centre, facility_kind, bed_band or ehr_use", "by");
        r.by = *d;
    }
    if (auto p = request.query_param("prefecture"); p && !p->empty()) {
        if (!is_prefecture_code(*p))
            return fail(ErrorCode::invalid_input, "prefecture: a code from 01 to 47", "prefecture");
        r.filters.prefecture = *p;
    }
    if (auto b = request.query_param("bed_band"); b && !b->empty()) {
        r.filters.bed_band = inspection::parse_bed_band(*b);
        if (!r.filters.bed_band) return fail(ErrorCode::invalid_input, "bed_band: unknown band", "bed_band");
    }
    if (auto k = request.query_param("facility_kind"); k && !k->empty()) {
        auto kind = identity::parse_org_kind(*k);
        if (!kind || !identity::is_institution(*kind))
            return fail(ErrorCode::invalid_input, "facility_kind: hospital, clinic, dental_clinic or pharmacy",
                        "facility_kind");
        r.filters.kind = *kind;
    }
    if (auto a = request.query_param("answer"); a && !a->empty()) {
        const auto at = std::find(kAnswerKeys.begin(), kAnswerKeys.end(), *a);
        if (at == kAnswerKeys.end())
            return fail(ErrorCode::invalid_input, "answer: yes, no, not_required or unanswered", "answer");
        r.answer = static_cast<AnswerColumn>(at - kAnswerKeys.begin());
    }
    return r;
}

// group_start: a group's key, labels ("total": 合計 / Total) and its number asked.
json group_start(const std::string& key, const std::optional<std::int64_t>& asked, const GroupLabels& labels) {
    json out = key == "total" ? json{{"key", "total"}, {"label_ja", "合計"}, {"label_en", "Total"}}
                              : labelled_json(key, labels);
    out["asked"] = asked ? json(*asked) : json(nullptr);
    return out;
}

json group_json(const statistics::GroupShares& g, const GroupLabels& labels) {
    json out = group_start(g.key, g.asked, labels);
    for (std::size_t c = 0; c < kAnswerKeys.size(); ++c)
        out[std::string(kAnswerKeys[c])] = c < g.shares.size() ? share_json(g.shares[c]) : json(nullptr);
    return out;
}

json groups_json(const statistics::ItemTable& table, const GroupLabels& labels) {
    json groups = json::array();
    for (const auto& g : table.groups) groups.push_back(group_json(g, labels));
    return groups;
}

json query_json(const services::StatisticsQuery& q) {
    json filters = json::object();
    if (q.filters.prefecture) filters["prefecture"] = *q.filters.prefecture;
    if (q.filters.bed_band) filters["bed_band"] = inspection::to_string(*q.filters.bed_band);
    if (q.filters.kind) filters["facility_kind"] = identity::to_string(*q.filters.kind);
    json out = {{"fiscal_year", q.fiscal_year},
                {"form", q.form},
                {"by", statistics::to_string(q.by)},
                {"filters", filters},
                {"minimum_count", q.minimum_count},
                {"as_of", q.as_of}};
    if (q.line) {
        out["item"] = q.line->item;
        out["row"] = q.line->row;
        out["number"] = q.line->number;
        out["title_ja"] = q.line->title_ja;
        out["title_en"] = q.line->title_en;
    }
    return out;
}

json labels_json(const GroupLabels& labels) {
    json out = json::array();
    for (const auto& [key, label] : labels)
        if (key != services::kUnknownGroup) out.push_back({{"key", key}, {"label_ja", label.ja}, {"label_en", label.en}});
    return out;
}

json item_json(const services::ItemView& v) {
    json out = query_json(v.query);
    out["groups"] = groups_json(v.table, v.labels);
    out["total"] = group_json(v.table.total, v.labels);
    return out;
}

json cross_json(const services::CrossView& v) {
    json out = query_json(v.query);
    out["answer"] = kAnswerKeys[static_cast<std::size_t>(v.table.answer)];
    json rows = json::array(), columns = json::array(), cells = json::array(), row_totals = json::array(),
         column_totals = json::array();
    for (const auto& k : v.table.row_keys) rows.push_back(labelled_json(k, v.row_labels));
    for (const auto& k : v.table.column_keys) columns.push_back(labelled_json(k, v.column_labels));
    for (const auto& line : v.table.cells) {
        json row = json::array();
        for (const auto& cell : line) row.push_back(share_json(cell));
        cells.push_back(row);
    }
    for (const auto& s : v.table.row_totals) row_totals.push_back(share_json(s));
    for (const auto& s : v.table.column_totals) column_totals.push_back(share_json(s));
    out["rows"] = rows;
    out["columns"] = columns;
    out["cells"] = cells;
    out["row_totals"] = row_totals;
    out["column_totals"] = column_totals;
    out["grand_total"] = share_json(v.table.grand_total);
    return out;
}

json trend_json(const services::TrendView& v) {
    json out = query_json(v.query);
    out.erase("fiscal_year");
    json years = json::array();
    for (const auto& point : v.years)
        years.push_back({{"fiscal_year", point.fiscal_year},
                         {"groups", groups_json(point.table, v.labels)},
                         {"total", group_json(point.table.total, v.labels)}});
    out["years"] = years;
    return out;
}

json rate_group_json(const statistics::GroupRates& g, const GroupLabels& labels) {
    json out = group_start(g.key, g.asked, labels);
    out["submitted"] = share_json(g.submitted);
    out["complete"] = share_json(g.complete);
    return out;
}

json rates_json(const services::RateView& v) {
    json out = query_json(v.query);
    json groups = json::array();
    for (const auto& g : v.table.groups) groups.push_back(rate_group_json(g, v.labels));
    out["groups"] = groups;
    out["total"] = rate_group_json(v.table.total, v.labels);
    return out;
}

json target_group_json(const statistics::GroupTargets& g, const GroupLabels& labels) {
    json out = group_start(g.key, g.asked, labels);
    out["open"] = share_json(g.open);
    out["overdue"] = share_json(g.overdue);
    return out;
}

json targets_json(const services::TargetView& v) {
    json out = query_json(v.query);
    out["today"] = v.today;
    json groups = json::array();
    for (const auto& g : v.table.groups) groups.push_back(target_group_json(g, v.labels));
    out["groups"] = groups;
    out["total"] = target_group_json(v.table.total, v.labels);
    return out;
}

json context_json(const services::StatisticsContext& c) {
    json scope = c.prefecture ? json{{"level", "prefecture"}, {"prefecture_code", *c.prefecture}}
                              : json{{"level", "national"}};
    return {{"scope", scope},
            {"minimum_count", c.minimum_count},
            {"fiscal_years", c.fiscal_years},
            {"forms", {"medical", "pharmacy"}},
            {"prefectures", labels_json(c.prefectures)},
            {"bed_bands", labels_json(c.bed_bands)},
            {"facility_kinds", labels_json(c.facility_kinds)},
            {"as_of", c.as_of}};
}

// view: a GET route that reads the common parameters, asks the service and answers its JSON, or the file
// `to_file` makes of it when format=csv|xlsx (null: JSON only).
template <typename Ask, typename ToJson, typename ToFile = std::nullptr_t>
CallerHandler view(Ask ask, ToJson to_json, ToFile to_file = nullptr) {
    return [ask, to_json, to_file](Request& request, const Caller& caller) {
        auto parsed = read_request(request);
        if (!parsed) return problem(parsed.error(), request);
        auto file = file_request(request);
        if (!file) return problem(file.error(), request);
        if constexpr (std::is_same_v<ToFile, std::nullptr_t>) {
            if (file->format != StatisticsFormat::json)
                return problem(fail(ErrorCode::invalid_input, "format: json", "format").value(), request);
        }
        auto answer = ask(caller, *parsed);
        if (!answer) return problem(answer.error(), request);
        if constexpr (!std::is_same_v<ToFile, std::nullptr_t>) {
            if (file->format != StatisticsFormat::json) {
                auto response = to_file(*answer, *file);
                if (!response) return problem(response.error(), request);
                return std::move(*response);
            }
        }
        return Response::json(200, to_json(*answer));
    };
}

}  // namespace

void register_statistics_routes(ApiRoutes& routes, services::Statistics& statistics) {
    auto* s = &statistics;
    routes.authenticated(Method::get, "/api/v1/statistics/context", [s](Request& request, const Caller& caller) {
        auto c = s->context(caller);
        if (!c) return problem(c.error(), request);
        return Response::json(200, context_json(*c));
    });
    routes.authenticated(Method::get, "/api/v1/statistics/items",
                         view([s](const Caller& c, const auto& r) { return s->items(c, r); },
                              [](const services::StatisticsItems& items) {
                                  json lines = json::array();
                                  for (const auto& l : items.lines)
                                      lines.push_back({{"item", l.item},
                                                       {"row", l.row},
                                                       {"number", l.number},
                                                       {"title_ja", l.title_ja},
                                                       {"title_en", l.title_en}});
                                  return json{{"fiscal_year", items.fiscal_year},
                                              {"form", items.form},
                                              {"edition", items.edition},
                                              {"items", lines}};
                              }));
    routes.authenticated(Method::get, "/api/v1/statistics/item",
                         view([s](const Caller& c, const auto& r) { return s->item(c, r); }, item_json, item_file));
    routes.authenticated(Method::get, "/api/v1/statistics/cross",
                         view([s](const Caller& c, const auto& r) { return s->cross(c, r); }, cross_json, cross_file));
    routes.authenticated(Method::get, "/api/v1/statistics/trend",
                         view([s](const Caller& c, const auto& r) { return s->trend(c, r); }, trend_json, trend_file));
    routes.authenticated(Method::get, "/api/v1/statistics/rates",
                         view([s](const Caller& c, const auto& r) { return s->rates(c, r); }, rates_json, rates_file));
    routes.authenticated(Method::get, "/api/v1/statistics/targets",
                         view([s](const Caller& c, const auto& r) { return s->targets(c, r); }, targets_json));
    // The yearly open-data file and its data dictionary (CSV).
    routes.authenticated(Method::get, "/api/v1/statistics/open-data", [s](Request& request, const Caller& caller) {
        auto parsed = read_request(request);
        if (!parsed) return problem(parsed.error(), request);
        auto file = s->open_data(caller, *parsed);
        if (!file) return problem(file.error(), request);
        auto csv = statistics::open_data_csv(file->fiscal_year, file->form, file->lines);
        if (!csv) return problem(csv.error(), request);
        return Response::download(std::move(*csv), "text/csv; charset=utf-8",
                                  fmt::format("mamori-open-data-{}-{}.csv", file->form, file->fiscal_year));
    });
    routes.authenticated(Method::get, "/api/v1/statistics/open-data/dictionary",
                         [s](Request& request, const Caller& caller) {
                             auto file = s->open_data_dictionary(caller);
                             if (!file) return problem(file.error(), request);
                             return Response::download(std::move(*file), "text/csv; charset=utf-8",
                                                       "mamori-open-data-dictionary.csv");
                         });
}

}  // namespace mamori::api
