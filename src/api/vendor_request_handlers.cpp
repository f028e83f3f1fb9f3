#include "vendor_request_handlers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <memory>

#include "assessment_json.hpp"
#include "json_input.hpp"
#include "mamori/documents/pdf.hpp"
#include "mamori/documents/xlsx.hpp"
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
constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

json change_json(const services::VendorAnswerChange& c) {
    return {{"canonical_id", c.key.canonical_id},
            {"row_key", c.key.row},
            {"number", c.number},
            {"text_ja", c.text_ja},
            {"before", c.before ? vs::answer_json(*c.before) : json(nullptr)},
            {"after", c.after ? vs::answer_json(*c.after) : json(nullptr)}};
}

json detail_json(const services::VendorRequestDetail& d) {
    json out = vs::request_json(d.request);
    json versions = json::array();
    for (const auto& v : d.versions)
        versions.push_back({{"version", v.version}, {"shared_at", v.shared_at}, {"shared_by_name", v.shared_by_name}});
    out["versions"] = versions;
    out["shown_version"] = d.shown_version;
    out["answers"] = vs::answers_json(d.answers);
    json changes = json::array();
    for (const auto& c : d.changes) changes.push_back(change_json(c));
    out["changes"] = changes;
    if (d.for_vendor) {
        out["overrides"] = vs::answers_json(d.overrides);
        out["effective_answers"] = vs::answers_json(d.effective_answers);
        out["product_answers_version"] = d.product_answers_version;
    }
    return out;
}

Response detail_response(const Result<services::VendorRequestDetail>& d, services::CatalogService& catalog,
                         Request& request) {
    if (!d) return problem(d.error(), request);
    auto text = with_form_json(detail_json(*d), catalog, d->request.edition_id, d->request.form_id,
                               d->request.edition_revision);
    if (!text) return problem(text.error(), request);
    return Response::text(200, std::move(*text), "application/json");
}

json counts_json(const services::VendorRequestCounts& c, bool all) {
    json out = {{"outstanding", c.outstanding}, {"overdue", c.overdue}, {"answered", c.answered},
                {"returned", c.returned},       {"declined", c.declined}};
    if (all) {
        out["requested"] = c.requested;
        out["withdrawn"] = c.withdrawn;
    }
    return out;
}

json requests_json(const std::vector<services::VendorRequestRecord>& rs) {
    json out = json::array();
    for (const auto& r : rs) out.push_back(vs::request_json(r));
    return out;
}

Result<int> version_field(const json& body, int min) {
    auto version = optional_int_field(body, "version", min, 1'000'000);
    if (!version) return fail(version.error());
    if (!*version) return fail(ErrorCode::invalid_input, "version is required", "version");
    return static_cast<int>(**version);
}

Result<std::optional<std::int64_t>> int_param(const Request& request, const char* name, std::int64_t min,
                                              std::int64_t max) {
    const auto text = request.query_param(name);
    if (!text || text->empty()) return std::optional<std::int64_t>{};
    std::int64_t value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc{} || ptr != end || value < min || value > max)
        return fail(ErrorCode::invalid_input, fmt::format("must be a whole number from {} to {}", min, max), name);
    return std::optional<std::int64_t>{value};
}

Result<int> version_param(const Request& request) {
    auto v = int_param(request, "version", 1, 1'000'000);
    if (!v) return fail(v.error());
    return static_cast<int>(v->value_or(0));
}

Response document_response(services::VendorRequests& service, Request& request, const Caller& caller,
                           std::int64_t id, std::string_view format) {
    auto version = version_param(request);
    if (!version) return problem(version.error(), request);
    auto doc = service.document(caller, id, *version);
    if (!doc) return problem(doc.error(), request);
    const std::string name = fmt::format("事業者確認用_{}_{}_{}", doc->fiscal_year_ja, doc->submitted_to, doc->institution_name);
    auto bytes = format == "pdf" ? documents::render_pdf(*doc) : documents::render_xlsx(*doc);
    if (!bytes) return problem(bytes.error(), request);
    return Response::download(std::move(*bytes), format == "pdf" ? "application/pdf" : std::string(kXlsxType),
                              fmt::format("{}.{}", name, format));
}

}  // namespace

Result<services::VendorAnswerLines> read_answer_lines(const json& body) {
    const auto it = body.find("answers");
    if (it == body.end() || !it->is_array())
        return fail(ErrorCode::invalid_input, "answers must be a list of answer lines", "answers");
    if (it->size() > services::kMaxVendorAnswerLines)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} answer lines", services::kMaxVendorAnswerLines),
                    "answers");
    services::VendorAnswerLines out;
    Error error{ErrorCode::invalid_input, "the answers are not valid", {}};
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& line = (*it)[i];
        const std::string at = fmt::format("answers[{}]", i);
        if (!line.is_object()) {
            error.fields.push_back({at, "must be an answer line {canonical_id, row_key, value, …}"});
            continue;
        }
        auto id = string_field(line, "canonical_id", 40);
        auto row = string_field(line, "row_key", 80);
        if (!id) error.fields.push_back({at + ".canonical_id", id.error().message});
        if (!row) error.fields.push_back({at + ".row_key", row.error().message});
        if (!id || !row) continue;
        if (const auto v = line.find("value"); v == line.end() || v->is_null()) {
            out.push_back({{*id, *row}, std::nullopt});
            continue;
        }
        auto answer = read_answer(line, at);
        if (!answer) {
            for (auto& f : answer.error().fields) error.fields.push_back(std::move(f));
            continue;
        }
        out.push_back({{*id, *row}, std::move(*answer)});
    }
    if (!error.fields.empty()) return fail(std::move(error));
    return out;
}

Result<std::string> with_form_json(const json& body, services::CatalogService& catalog, const std::string& edition,
                                   const std::string& form, int revision) {
    const auto snapshot = catalog.snapshot();
    auto view = snapshot->form(edition, form, revision);
    std::string text = body.dump();
    text.pop_back();
    text += ",\"form_json\":";
    text += view ? (*view)->body : "null";
    text += '}';
    return text;
}

void register_vendor_request_routes(ApiRoutes& routes, store::Database& db, services::CatalogService& catalog) {
    auto service = std::make_shared<services::VendorRequests>(db, catalog);
    const http::RouteOptions limited{.max_body_bytes = kMaxBodyBytes};

    routes.authenticated(
        Method::post, "/api/v1/systems/{id}/vendor-requests",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            services::NewVendorRequest input;
            auto fy = optional_int_field(*body, "fiscal_year", 1, 9999);
            if (!fy) return problem(fy.error(), request);
            if (!*fy) return problem(Error{ErrorCode::invalid_input, "fiscal_year is required", {{"fiscal_year", "required"}}}, request);
            input.fiscal_year = static_cast<int>(**fy);
            auto due = string_field(*body, "due_on", 10);
            if (!due) return problem(due.error(), request);
            input.due_on = *due;
            auto asks = optional_bool_field(*body, "asks_disclosure");
            if (!asks) return problem(asks.error(), request);
            input.asks_disclosure = asks->value_or(false);
            auto message = optional_string_field(*body, "message", 4 * services::kMaxVendorMessageCharacters);
            if (!message) return problem(message.error(), request);
            input.message = message->value_or("");
            auto made = service->create(caller, id, input, audit_context(request));
            if (!made) return problem(made.error(), request);
            return Response::json(201, vs::request_json(*made));
        }),
        limited);
    routes.authenticated(Method::get, "/api/v1/vendor-requests", [service](Request& request, const Caller& caller) {
        auto fy = int_param(request, "fiscal_year", 2000, 2100);
        if (!fy) return problem(fy.error(), request);
        auto status = request.query_param("status");
        if (status && status->empty()) status.reset();
        auto list = service->list(caller, status,
                                  *fy ? std::optional<int>(static_cast<int>(**fy)) : std::nullopt);
        if (!list) return problem(list.error(), request);
        return Response::json(200, {{"requests", requests_json(list->requests)},
                                    {"counts", counts_json(list->counts, false)},
                                    {"can_write", list->can_write}});
    });
    routes.authenticated(Method::get, "/api/v1/vendor-requests/{id}",
                         with_id([service, &catalog](Request& request, const Caller& caller, std::int64_t id) {
                             return detail_response(service->get(caller, id, 0, false), catalog, request);
                         }));
    routes.authenticated(Method::get, "/api/v1/vendor-requests/{id}/versions/{n}",
                         with_id([service, &catalog](Request& request, const Caller& caller, std::int64_t id) {
                             auto n = id_param(request, "n");
                             if (!n) return problem(n.error(), request);
                             if (*n > 1'000'000)
                                 return problem(Error{ErrorCode::not_found, "no such version", {}}, request);
                             return detail_response(service->get(caller, id, static_cast<int>(*n), false), catalog,
                                                    request);
                         }));
    routes.authenticated(
        Method::post, "/api/v1/vendor-requests/{id}/actions",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto action = string_field(*body, "action", 40);
            if (!action) return problem(action.error(), request);
            auto reason = optional_string_field(*body, "reason", 4 * services::kMaxVendorReasonCharacters);
            if (!reason) return problem(reason.error(), request);
            auto version = version_field(*body, 1);
            if (!version) return problem(version.error(), request);
            auto done = service->act(caller, id, *action, reason->value_or(""), *version, audit_context(request));
            if (!done) return problem(done.error(), request);
            return Response::json(200, vs::request_json(*done));
        }),
        limited);
    for (const std::string format : {"pdf", "xlsx"})
        routes.authenticated(Method::get, fmt::format("/api/v1/vendor-requests/{{id}}/document.{}", format),
                             with_id([service, format](Request& request, const Caller& caller, std::int64_t id) {
                                 return document_response(*service, request, caller, id, format);
                             }),
                             {.blocking = true});

    // The vendor's side.
    routes.authenticated(Method::get, "/api/v1/vendor/dashboard", [service](Request& request, const Caller& caller) {
        auto d = service->dashboard(caller);
        if (!d) return problem(d.error(), request);
        return Response::json(200, {{"counts", counts_json(d->counts, true)},
                                    {"products", d->products},
                                    {"customers", d->customers},
                                    {"due_soon", requests_json(d->due_soon)}});
    });
    routes.authenticated(Method::get, "/api/v1/vendor/requests", [service](Request& request, const Caller& caller) {
        services::VendorRequestQuery q;
        auto status = request.query_param("status");
        if (status && !status->empty()) q.status = *status;
        constexpr auto kMaxId = std::numeric_limits<std::int64_t>::max();
        auto product = int_param(request, "product_id", 1, kMaxId);
        if (!product) return problem(product.error(), request);
        q.product_id = *product;
        auto institution = int_param(request, "institution_id", 1, kMaxId);
        if (!institution) return problem(institution.error(), request);
        q.institution_id = *institution;
        auto fy = int_param(request, "fiscal_year", 2000, 2100);
        if (!fy) return problem(fy.error(), request);
        if (*fy) q.fiscal_year = static_cast<int>(**fy);
        for (auto [name, target] : {std::pair{"due_from", &q.due_from}, std::pair{"due_to", &q.due_to}})
            if (auto v = request.query_param(name); v && !v->empty()) *target = *v;
        const auto overdue = request.query_param("overdue").value_or("");
        if (!overdue.empty() && overdue != "true" && overdue != "false")
            return problem(Error{ErrorCode::invalid_input, "overdue must be true or false", {{"overdue", "true or false"}}},
                           request);
        q.overdue = overdue == "true";
        q.q = request.query_param("q").value_or("");
        if (q.q.size() > 400)
            return problem(Error{ErrorCode::invalid_input, "q is too long", {{"q", "at most 100 characters"}}}, request);
        auto page = int_param(request, "page", 1, 100'000);
        if (!page) return problem(page.error(), request);
        q.page = static_cast<int>(page->value_or(1));
        auto per_page = int_param(request, "per_page", 1, 200);
        if (!per_page) return problem(per_page.error(), request);
        q.per_page = static_cast<int>(per_page->value_or(50));
        auto found = service->inbox(caller, q);
        if (!found) return problem(found.error(), request);
        json institutions = json::array(), products = json::array();
        for (const auto& i : found->institutions) institutions.push_back({{"id", i.id}, {"name", i.name}});
        for (const auto& p : found->products) products.push_back({{"id", p.id}, {"name", p.name}});
        return Response::json(200, {{"requests", requests_json(found->requests)},
                                    {"total", found->total},
                                    {"page", found->page},
                                    {"per_page", found->per_page},
                                    {"counts", counts_json(found->counts, true)},
                                    {"institutions", institutions},
                                    {"products", products}});
    });
    routes.authenticated(Method::get, "/api/v1/vendor/requests/{id}",
                         with_id([service, &catalog](Request& request, const Caller& caller, std::int64_t id) {
                             return detail_response(service->get(caller, id, 0, true), catalog, request);
                         }));
    routes.authenticated(
        Method::put, "/api/v1/vendor/requests/{id}/overrides",
        with_id([service, &catalog](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body, 1);
            if (!version) return problem(version.error(), request);
            auto lines = read_answer_lines(*body);
            if (!lines) return problem(lines.error(), request);
            return detail_response(service->set_overrides(caller, id, *version, *lines, audit_context(request)),
                                   catalog, request);
        }),
        limited);
}

}  // namespace mamori::api
