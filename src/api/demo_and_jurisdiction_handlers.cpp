#include "demo_and_jurisdiction_handlers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/demo.hpp"
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

json row_json(const services::JurisdictionRow& r) {
    json out = {{"organisation_id", r.organisation_id},
                {"kind", r.kind},
                {"name", r.name},
                {"facility_id", r.facility_id},
                {"municipality_code", r.municipality_code},
                {"municipality_name", r.municipality_name},
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
                            {"submitted_at", c.submitted_at ? json(*c.submitted_at) : json(nullptr)}};
    }
    return out;
}

}  // namespace

void register_demo_routes(ApiRoutes& routes, store::Database& db) {
    // Whether this is a demo database, so the login page asks for the personas only when there are some.
    routes.open(Method::get, "/api/v1/demo", [&db](Request& request) {
        auto personas = services::demo_personas(db);
        if (!personas) return problem(personas.error(), request);
        return Response::json(200, {{"demo", personas->has_value()}});
    });
    routes.open(Method::get, "/api/v1/demo/personas", [&db](Request& request) {
        auto personas = services::demo_personas(db);
        if (!personas) return problem(personas.error(), request);
        if (!*personas)
            return problem(Error{ErrorCode::not_found, "this is not a demo installation", {}}, request);
        json out = json::array();
        for (const auto& p : **personas)
            out.push_back({{"login", p.login},
                           {"password", p.password},
                           {"display_name", p.display_name},
                           {"role", p.role},
                           {"organisation_name", p.organisation_name},
                           {"organisation_kind", p.organisation_kind}});
        return Response::json(200, {{"personas", out}});
    });
}

void register_jurisdiction_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog) {
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
