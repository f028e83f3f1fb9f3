// The vendor's products, their answer sets per fiscal year, and sharing: /api/v1/vendor/products….
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <memory>

#include "json_input.hpp"
#include "vendor_request_handlers.hpp"
#include "../services/vendor_request_support.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
namespace vs = services::vendor_support;

constexpr std::size_t kMaxBodyBytes = 256 * 1024;

json product_json(const services::VendorProduct& p) {
    json sets = json::array();
    for (const auto& s : p.answer_sets)
        sets.push_back({{"fiscal_year", s.fiscal_year},
                        {"edition_id", s.edition_id},
                        {"version", s.version},
                        {"answered", s.answered},
                        {"total", s.total},
                        {"updated_at", s.updated_at}});
    return {{"id", p.id}, {"name", p.name}, {"note", p.note}, {"systems", p.systems}, {"answer_sets", sets}};
}

Response answers_response(const Result<services::ProductAnswers>& a, services::CatalogService& catalog,
                          Request& request) {
    if (!a) return problem(a.error(), request);
    const json body = {{"product", {{"id", a->product_id}, {"name", a->product_name}}},
                       {"fiscal_year", a->fiscal_year},
                       {"edition_id", a->edition_id},
                       {"edition_revision", a->edition_revision},
                       {"form_id", a->form_id},
                       {"version", a->version},
                       {"answers", vs::answers_json(a->answers)}};
    auto text = with_form_json(body, catalog, a->edition_id, a->form_id, a->edition_revision);
    if (!text) return problem(text.error(), request);
    return Response::text(200, std::move(*text), "application/json");
}

Result<std::pair<std::string, std::string>> name_and_note(const json& body) {
    auto name = string_field(body, "name", 4 * 200);
    if (!name) return fail(name.error());
    auto note = optional_string_field(body, "note", 4 * 2000);
    if (!note) return fail(note.error());
    return std::pair{*name, note->value_or("")};
}

Result<int> fiscal_year_of(const json& body) {
    auto fy = optional_int_field(body, "fiscal_year", 2000, 2100);
    if (!fy) return fail(fy.error());
    if (!*fy) return fail(ErrorCode::invalid_input, "fiscal_year is required", "fiscal_year");
    return static_cast<int>(**fy);
}

}  // namespace

void register_vendor_product_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog) {
    auto service = std::make_shared<services::VendorProducts>(db, catalog);
    const http::RouteOptions limited{.max_body_bytes = kMaxBodyBytes};

    routes.authenticated(Method::get, "/api/v1/vendor/products", [service](Request& request, const Caller& caller) {
        auto list = service->list(caller);
        if (!list) return problem(list.error(), request);
        json products = json::array();
        for (const auto& p : list->products) products.push_back(product_json(p));
        return Response::json(200, {{"products", products}, {"can_write", list->can_write}});
    });
    routes.authenticated(
        Method::post, "/api/v1/vendor/products",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto fields = name_and_note(*body);
            if (!fields) return problem(fields.error(), request);
            auto made = service->create(caller, fields->first, fields->second, audit_context(request));
            if (!made) return problem(made.error(), request);
            return Response::json(201, product_json(*made));
        },
        limited);
    routes.authenticated(
        Method::put, "/api/v1/vendor/products/{id}",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto fields = name_and_note(*body);
            if (!fields) return problem(fields.error(), request);
            auto changed = service->update(caller, id, fields->first, fields->second, audit_context(request));
            if (!changed) return problem(changed.error(), request);
            return Response::json(200, product_json(*changed));
        }),
        limited);
    routes.authenticated(Method::get, "/api/v1/vendor/products/{id}/answers",
                         with_id([service, &catalog](Request& request, const Caller& caller, std::int64_t id) {
                             const auto text = request.query_param("fiscal_year").value_or("");
                             int fy = 0;
                             const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), fy);
                             if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() ||
                                 fy < 2000 || fy > 2100)
                                 return problem(Error{ErrorCode::invalid_input, "fiscal_year must be a year",
                                                      {{"fiscal_year", "a year from 2000 to 2100"}}},
                                                request);
                             return answers_response(service->answers(caller, id, fy), catalog, request);
                         }));
    routes.authenticated(
        Method::put, "/api/v1/vendor/products/{id}/answers",
        with_id([service, &catalog](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto fy = fiscal_year_of(*body);
            if (!fy) return problem(fy.error(), request);
            auto version = optional_int_field(*body, "version", 0, 1'000'000);
            if (!version) return problem(version.error(), request);
            if (!*version)
                return problem(Error{ErrorCode::invalid_input, "version is required (0 for a new set)",
                                     {{"version", "required"}}},
                               request);
            auto lines = read_answer_lines(*body);
            if (!lines) return problem(lines.error(), request);
            return answers_response(service->save_answers(caller, id, *fy, static_cast<int>(**version), *lines,
                                                          audit_context(request)),
                                    catalog, request);
        }),
        limited);
    routes.authenticated(
        Method::post, "/api/v1/vendor/products/{id}/share",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            services::ShareInput input;
            auto fy = fiscal_year_of(*body);
            if (!fy) return problem(fy.error(), request);
            input.fiscal_year = *fy;
            auto all = optional_bool_field(*body, "all_outstanding");
            if (!all) return problem(all.error(), request);
            input.all_outstanding = all->value_or(false);
            if (const auto ids = body->find("request_ids"); ids != body->end() && !ids->is_null()) {
                if (!ids->is_array())
                    return problem(Error{ErrorCode::invalid_input, "request_ids must be a list of ids",
                                         {{"request_ids", "a list of ids"}}},
                                   request);
                if (ids->size() > services::kMaxShareRequestIds)
                    return problem(Error{ErrorCode::invalid_input, "too many requests at once",
                                         {{"request_ids", fmt::format("at most {}", services::kMaxShareRequestIds)}}},
                                   request);
                for (std::size_t i = 0; i < ids->size(); ++i) {
                    const auto& v = (*ids)[i];
                    if (!v.is_number_integer() || v.get<std::int64_t>() < 1)
                        return problem(Error{ErrorCode::invalid_input, "request_ids must be ids",
                                             {{fmt::format("request_ids[{}]", i), "must be a positive whole number"}}},
                                       request);
                    input.request_ids.push_back(v.get<std::int64_t>());
                }
            }
            const auto started = std::chrono::steady_clock::now();
            auto done = service->share(caller, id, input, audit_context(request));
            if (!done) return problem(done.error(), request);
            const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
            json shared = json::array(), refused = json::array();
            for (const auto& [r, v] : done->shared) shared.push_back({{"request_id", r}, {"version", v}});
            for (const auto& [r, why] : done->refused) refused.push_back({{"request_id", r}, {"reason", why}});
            return Response::json(200, {{"shared", shared},
                                        {"unchanged", done->unchanged},
                                        {"refused", refused},
                                        {"elapsed_ms", std::round(ms.count() * 10) / 10}});
        }),
        limited);
}

}  // namespace mamori::api
