#include "jurisdiction_handlers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/jurisdiction_checklists.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

// int_query: an optional integer query parameter; invalid_input names it when it is not a number.
Result<std::optional<int>> int_query(const Request& request, std::string_view name) {
    const auto text = request.query_param(name);
    if (!text) return std::optional<int>();
    int value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || text->empty())
        return fail(ErrorCode::invalid_input, fmt::format("{} must be a whole number", name),
                    std::string(name));
    return std::optional<int>(value);
}

// flag_query: an optional yes/no query parameter ("true" or "false").
Result<bool> flag_query(const Request& request, std::string_view name) {
    const auto text = request.query_param(name);
    if (!text || *text == "false") return false;
    if (*text == "true") return true;
    return fail(ErrorCode::invalid_input, fmt::format("{} must be true or false", name), std::string(name));
}

// filter_from: the list's filters from the query string; invalid_input names the parameter.
Result<services::JurisdictionFilter> filter_from(const Request& request) {
    services::JurisdictionFilter f;
    f.kind = request.query_param("kind").value_or("");
    f.municipality_code = request.query_param("municipality").value_or("");
    f.prefecture_code = request.query_param("prefecture").value_or("");
    if (auto band = request.query_param("bed_band"); band && !band->empty()) {
        f.bed_band = inspection::parse_bed_band(*band);
        if (!f.bed_band)
            return fail(
                ErrorCode::invalid_input,
                "bed_band must be one of clinic_without_beds, clinic_with_beds, hospital_20_99, "
                "hospital_100_199, hospital_200_299, hospital_300_399, hospital_400_499, hospital_500_plus",
                "bed_band");
    }
    if (auto status = request.query_param("status"); status && !status->empty()) {
        f.status = services::parse_jurisdiction_status(*status);
        if (!f.status)
            return fail(ErrorCode::invalid_input, "status must be one of not_started, draft, submitted",
                        "status");
    }
    auto centre = int_query(request, "health_centre");
    if (!centre) return fail(centre.error());
    if (*centre) f.health_centre_id = **centre;
    for (const auto& [name, target] :
         {std::pair<std::string_view, bool*>{"with_no", &f.with_no}, {"overdue", &f.overdue}}) {
        auto flag = flag_query(request, name);
        if (!flag) return fail(flag.error());
        *target = *flag;
    }
    return f;
}

json row_json(const services::JurisdictionRow& r) {
    json out = {{"organisation_id", r.organisation_id},
                {"kind", r.kind},
                {"name", r.name},
                {"facility_id", r.facility_id},
                {"municipality_code", r.municipality_code},
                {"municipality_name", r.municipality_name},
                {"beds", r.beds ? json(*r.beds) : json(nullptr)},
                {"bed_band", r.bed_band ? json(inspection::to_string(*r.bed_band)) : json(nullptr)},
                {"readable", r.readable},
                {"checklist", nullptr}};
    if (r.checklist) {
        const auto& c = *r.checklist;
        out["checklist"] = {{"id", c.id},
                            {"status", c.status},
                            {"form", c.form},
                            {"edition", c.edition},
                            {"answered", c.answered},
                            {"lines", c.lines},
                            {"no_count", c.no_count},
                            {"overdue_count", c.overdue_count},
                            {"submitted_at", c.submitted_at ? json(*c.submitted_at) : json(nullptr)}};
    }
    return out;
}

json choices_json(const std::vector<services::JurisdictionChoices::Choice>& choices) {
    json out = json::array();
    for (const auto& c : choices) out.push_back({{"value", c.value}, {"name", c.name}});
    return out;
}

}  // namespace

void register_jurisdiction_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog) {
    routes.authenticated(
        Method::get, "/api/v1/jurisdiction/choices", [&db](Request& request, const Caller& caller) {
            auto choices = services::jurisdiction_choices(db, caller);
            if (!choices) return problem(choices.error(), request);
            return Response::json(200, {{"municipalities", choices_json(choices->municipalities)},
                                        {"health_centres", choices_json(choices->health_centres)},
                                        {"prefectures", choices_json(choices->prefectures)}});
        });
    routes.authenticated(
        Method::get, "/api/v1/jurisdiction/checklists",
        [&db, &catalog](Request& request, const Caller& caller) {
            services::JurisdictionQuery query;
            query.fiscal_year = fiscal_year(japan_date(std::chrono::system_clock::now()));
            for (const auto& [name, target] :
                 {std::pair<std::string_view, int*>{"fiscal_year", &query.fiscal_year},
                  {"page", &query.page},
                  {"page_size", &query.page_size}}) {
                auto value = int_query(request, name);
                if (!value) return problem(value.error(), request);
                if (*value) *target = **value;
            }
            query.q = request.query_param("q").value_or("");
            auto filter = filter_from(request);
            if (!filter) return problem(filter.error(), request);
            query.filter = std::move(*filter);
            if (auto sort = request.query_param("sort")) {
                auto parsed = services::parse_jurisdiction_sort(*sort);
                if (!parsed)
                    return problem(
                        Error{ErrorCode::invalid_input,
                              "sort must be one of name, facility_id, municipality, status",
                              {{"sort", "sort must be one of name, facility_id, municipality, status"}}},
                        request);
                query.sort = *parsed;
            }
            auto page = services::jurisdiction_checklists(db, catalog, caller, query);
            if (!page) return problem(page.error(), request);
            json rows = json::array();
            for (const auto& r : page->rows) rows.push_back(row_json(r));
            return Response::json(200, {{"rows", rows},
                                        {"total", page->total},
                                        {"page", page->page},
                                        {"page_size", page->page_size},
                                        {"fiscal_year", page->fiscal_year}});
        });
}

}  // namespace mamori::api
