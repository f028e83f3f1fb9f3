#include "vendor_disclosure_handlers.hpp"

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <tuple>

#include "mamori/core/json_null.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/services/vendor_disclosures.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::Disclosure;
using services::ProductDisclosures;

constexpr std::size_t kMaxBodyBytes = std::size_t{16} * 1024;
// Query parameters of an upload: bytes at the edge, four per character of the domain's limits.
constexpr std::size_t kMaxLabelBytes = std::size_t{4} * 40;
constexpr std::size_t kMaxNoteBytes = std::size_t{4} * 1000;
constexpr std::size_t kMaxFileNameBytes = 800;

json disclosure_json(const Disclosure& d) {
    return {{"id", d.id},
            {"product_id", d.product_id},
            {"product_name", d.product_name},
            {"kind", d.kind},
            {"version_label", d.version_label},
            {"issued_on", d.issued_on},
            {"valid_until", d.valid_until},
            {"file_name", d.file_name},
            {"media_type", d.media_type},
            {"size", d.size},
            {"note", d.note},
            {"uploaded_at", d.uploaded_at},
            {"uploaded_by_name", d.uploaded_by_name},
            {"state", d.state},
            {"withdrawn_at", or_null(d.withdrawn_at)},
            {"withdrawn_reason", or_null(d.withdrawn_reason)},
            {"withdrawn_by_name", or_null(d.withdrawn_by_name)}};
}

json optional_disclosure(const std::optional<Disclosure>& d) {
    return d ? disclosure_json(*d) : json(nullptr);
}

json product_json(const ProductDisclosures& p) {
    json history = json::array();
    for (const auto& d : p.history) history.push_back(disclosure_json(d));
    return {{"id", p.product_id},
            {"name", p.name},
            {"note", p.note},
            {"systems", p.systems},
            {"mds", optional_disclosure(p.mds)},
            {"sds", optional_disclosure(p.sds)},
            {"history", history}};
}

// query_text: a query parameter of at most `max_bytes` bytes ("" when absent).
Result<std::string> query_text(const Request& request, const char* name, std::size_t max_bytes) {
    auto value = request.query_param(name).value_or("");
    if (value.size() > max_bytes)
        return fail(ErrorCode::invalid_input, fmt::format("{} is too long", name), name);
    return value;
}

Result<services::DisclosureUpload> upload_of(Request& request) {
    services::DisclosureUpload upload;
    for (auto [name, target, limit] : {std::tuple{"kind", &upload.kind, std::size_t{10}},
                                       std::tuple{"version_label", &upload.version_label, kMaxLabelBytes},
                                       std::tuple{"issued_on", &upload.issued_on, std::size_t{20}},
                                       std::tuple{"note", &upload.note, kMaxNoteBytes},
                                       std::tuple{"file_name", &upload.file_name, kMaxFileNameBytes}}) {
        auto value = query_text(request, name, limit);
        if (!value) return fail(value.error());
        *target = std::move(*value);
    }
    upload.content = std::move(request.body);
    return upload;
}

Response download(Result<services::DisclosureFile> file, const Request& request) {
    if (!file) return problem(file.error(), request);
    return Response::download(std::move(file->content), file->media_type, file->file_name);
}

void register_vendor_side(ApiRoutes& routes, const std::shared_ptr<services::VendorDisclosures>& service) {
    routes.authenticated(
        Method::get, "/api/v1/vendor/disclosures", [service](Request& request, const Caller& caller) {
            auto list = service->for_vendor(caller);
            if (!list) return problem(list.error(), request);
            json products = json::array();
            for (const auto& p : list->products) products.push_back(product_json(p));
            return Response::json(200, {{"products", products}, {"can_write", list->can_write}});
        });
    routes.authenticated(Method::get, "/api/v1/vendor/products/{id}/disclosures",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto product = service->product(caller, id);
                             if (!product) return problem(product.error(), request);
                             return Response::json(200, product_json(*product));
                         }));
    routes.authenticated(Method::post, "/api/v1/vendor/products/{id}/disclosures",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto upload = upload_of(request);
                             if (!upload) return problem(upload.error(), request);
                             auto made = service->upload(caller, id, *upload, audit_context(request));
                             if (!made) return problem(made.error(), request);
                             return Response::json(201, disclosure_json(*made));
                         }),
                         {.max_body_bytes = services::kMaxEvidenceBytes});
    routes.authenticated(Method::post, "/api/v1/vendor/disclosures/{id}/withdraw",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto reason =
                                 string_field(*body, "reason", 4 * services::kMaxWithdrawReasonChars);
                             if (!reason) return problem(reason.error(), request);
                             auto withdrawn = service->withdraw(caller, id, *reason, audit_context(request));
                             if (!withdrawn) return problem(withdrawn.error(), request);
                             return Response::json(200, disclosure_json(*withdrawn));
                         }),
                         {.max_body_bytes = kMaxBodyBytes});
    routes.authenticated(Method::get, "/api/v1/vendor/disclosures/{id}/file",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             return download(service->vendor_file(caller, id), request);
                         }));
}

void register_institution_side(ApiRoutes& routes,
                               const std::shared_ptr<services::VendorDisclosures>& service) {
    routes.authenticated(
        Method::get, "/api/v1/systems/disclosures", [service](Request& request, const Caller& caller) {
            auto mine = service->for_institution(caller);
            if (!mine) return problem(mine.error(), request);
            json systems = json::array();
            for (const auto& s : mine->systems) {
                json disclosures = json::array();
                for (const auto& d : s.disclosures) disclosures.push_back(disclosure_json(d));
                systems.push_back(
                    {{"id", s.system_id},
                     {"name", s.system_name},
                     {"kind", s.system_kind},
                     {"vendor",
                      s.vendor_id ? json{{"id", *s.vendor_id}, {"name", s.vendor_name}} : json(nullptr)},
                     {"vendor_name", s.vendor_name},
                     {"product",
                      s.product_id ? json{{"id", *s.product_id}, {"name", s.product_name}} : json(nullptr)},
                     {"status", s.status},
                     {"disclosures", disclosures}});
            }
            return Response::json(200, {{"systems", systems}});
        });
    routes.authenticated(Method::get, "/api/v1/systems/disclosures/{id}/file",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             return download(service->institution_file(caller, id), request);
                         }));
}

}  // namespace

void register_vendor_disclosure_routes(ApiRoutes& routes, store::Database& db) {
    auto service = std::make_shared<services::VendorDisclosures>(db);
    register_vendor_side(routes, service);
    register_institution_side(routes, service);
}

}  // namespace mamori::api
