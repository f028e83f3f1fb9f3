#include "vendor_link_handlers.hpp"

#include <fmt/format.h>

#include <limits>
#include <memory>
#include <nlohmann/json.hpp>

#include "mamori/core/json_null.hpp"
#include "mamori/services/vendor_links.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

constexpr std::size_t kMaxBodyBytes = 16 * 1024;
constexpr std::size_t kMaxName = 4 * 200;
constexpr std::size_t kMaxCode = 64;
constexpr std::size_t kMaxSystems = 50;

json systems_json(const std::vector<services::NamedSystem>& systems) {
    json out = json::array();
    for (const auto& s : systems) out.push_back({{"id", s.id}, {"name", s.name}});
    return out;
}

json invitation_json(const services::VendorInvitation& v) {
    return {{"id", v.id},
            {"vendor_name", v.vendor_name},
            {"corporate_number", or_null(v.corporate_number)},
            {"contact_email", v.contact_email},
            {"systems", systems_json(v.systems)},
            {"status", v.status},
            {"created_by", v.created_by},
            {"created_at", v.created_at},
            {"expires_at", v.expires_at},
            {"used_at", or_null(v.used_at)},
            {"used_by_vendor", or_null(v.used_by_vendor)},
            {"revoked_at", or_null(v.revoked_at)}};
}

json linked_json(const services::LinkedVendor& v) {
    return {{"id", v.id},
            {"name", v.name},
            {"corporate_number", or_null(v.corporate_number)},
            {"via", v.via},
            {"linked_at", v.linked_at},
            {"systems", systems_json(v.systems)}};
}

json organisation_json(const services::VendorOrganisation& v) {
    return {{"id", v.id},
            {"name", v.name},
            {"corporate_number", or_null(v.corporate_number)},
            {"created_at", v.created_at},
            {"customers", v.customers},
            {"users", v.users}};
}

// corporate_number: absent, null or "" is none.
Result<std::optional<std::string>> corporate_number(const json& body) {
    auto value = optional_string_field(body, "corporate_number", 32);
    if (!value) return fail(value.error());
    if (*value && (*value)->empty()) return std::optional<std::string>();
    return *value;
}

Result<std::vector<std::int64_t>> system_ids(const json& body) {
    std::vector<std::int64_t> out;
    if (!body.contains("system_ids") || body["system_ids"].is_null()) return out;
    const auto& list = body["system_ids"];
    if (!list.is_array()) return fail(ErrorCode::invalid_input, "system_ids must be a list of ids", "system_ids");
    if (list.size() > kMaxSystems)
        return fail(ErrorCode::invalid_input, "at most 50 systems", "system_ids");
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_number_integer() || list[i].get<std::int64_t>() < 1)
            return fail(ErrorCode::invalid_input, "a system id is a positive integer", fmt::format("system_ids[{}]", i));
        out.push_back(list[i].get<std::int64_t>());
    }
    return out;
}

Result<bool> confirm_new(const json& body) {
    auto value = optional_bool_field(body, "confirm_new");
    if (!value) return fail(value.error());
    return value->value_or(false);
}

Result<services::VendorJoin> join_request(const json& body) {
    services::VendorJoin out;
    auto code = string_field(body, "code", kMaxCode);
    if (!code) return fail(code.error());
    out.code = *code;
    auto name = string_field(body, "vendor_name", kMaxName);
    if (!name) return fail(name.error());
    out.vendor_name = *name;
    auto number = corporate_number(body);
    if (!number) return fail(number.error());
    out.corporate_number = *number;
    auto confirmed = confirm_new(body);
    if (!confirmed) return fail(confirmed.error());
    out.confirm_new = *confirmed;
    if (!body.contains("administrator") || !body["administrator"].is_object())
        return fail(ErrorCode::invalid_input, "administrator {login, display_name, password} is required",
                    "administrator");
    const auto& admin = body["administrator"];
    for (auto [field, target, limit] : {std::tuple{"login", &out.login, std::size_t{254}},
                                        std::tuple{"display_name", &out.display_name, std::size_t{400}},
                                        std::tuple{"password", &out.password, std::size_t{1024}}}) {
        auto value = string_field(admin, field, limit);
        if (!value) {
            auto e = value.error();
            for (auto& f : e.fields) f.field = fmt::format("administrator.{}", f.field);
            return fail(e);
        }
        *target = *value;
    }
    return out;
}

// refused: the problem for `error`; a spent invitation code is 410 Gone (it existed and is of no more use).
Response refused(const Error& error, const Request& request) {
    Response r = problem(error, request);
    if (error.fields.empty() || error.fields[0].reason != services::kSpentCodeReason) return r;
    json body = json::parse(r.body, nullptr, false);
    if (!body.is_object()) return r;
    body["status"] = 410;
    body["title"] = "Gone";
    body["code"] = "gone";
    body["type"] = "urn:mamori:problem:gone";
    Response gone = Response::json(410, body);
    gone.set_header("Content-Type", "application/problem+json; charset=utf-8");
    return gone;
}

}  // namespace

void register_vendor_link_routes(ApiRoutes& routes, store::Database& db) {
    auto service = std::make_shared<services::VendorLinks>(db);
    const http::RouteOptions limited{.max_body_bytes = kMaxBodyBytes};
    const http::RouteOptions blocking{.blocking = true, .max_body_bytes = kMaxBodyBytes};

    // The institution.
    routes.authenticated(
        Method::post, "/api/v1/vendor-invitations",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            services::VendorInvitationInput input;
            auto name = string_field(*body, "vendor_name", kMaxName);
            if (!name) return problem(name.error(), request);
            input.vendor_name = *name;
            auto number = corporate_number(*body);
            if (!number) return problem(number.error(), request);
            input.corporate_number = *number;
            auto ids = system_ids(*body);
            if (!ids) return problem(ids.error(), request);
            input.system_ids = *ids;
            auto email = optional_string_field(*body, "contact_email", 254);
            if (!email) return problem(email.error(), request);
            input.contact_email = email->value_or("");
            auto made = service->invite(caller, input, audit_context(request));
            if (!made) return problem(made.error(), request);
            json out = invitation_json(made->invitation);
            out["code"] = made->code;
            return Response::json(201, out);
        },
        limited);
    routes.authenticated(Method::get, "/api/v1/vendor-invitations", [service](Request& request, const Caller& caller) {
        auto list = service->invitations(caller);
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& v : *list) out.push_back(invitation_json(v));
        return Response::json(200, {{"invitations", out}});
    });
    routes.authenticated(Method::post, "/api/v1/vendor-invitations/{id}/revoke",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto revoked = service->revoke(caller, id, audit_context(request));
                             if (!revoked) return problem(revoked.error(), request);
                             return Response::json(200, invitation_json(*revoked));
                         }));
    routes.authenticated(Method::get, "/api/v1/vendors", [service](Request& request, const Caller& caller) {
        auto list = service->linked_vendors(caller);
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& v : *list) out.push_back(linked_json(v));
        return Response::json(200, {{"vendors", out}});
    });
    routes.authenticated(Method::post, "/api/v1/vendors/{id}/unlink",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto done = service->unlink(caller, id, audit_context(request));
                             if (!done) return problem(done.error(), request);
                             return Response::json(200, {{"unlinked", id}});
                         }));

    // The vendor.
    routes.authenticated(
        Method::post, "/api/v1/vendor/links",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto code = string_field(*body, "code", 1024);  // its length is checked after who may redeem
            if (!code) return problem(code.error(), request);
            auto linked = service->redeem(caller, *code, audit_context(request));
            if (!linked) return refused(linked.error(), request);
            return Response::json(201, {{"institution", {{"id", linked->institution_id},
                                                         {"name", linked->institution_name}}},
                                        {"systems", systems_json(linked->systems)}});
        },
        limited);
    routes.open(
        Method::post, "/api/v1/vendor-join",
        [service](Request& request) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto join = join_request(*body);
            if (!join) return problem(join.error(), request);
            auto joined = service->join(*join, audit_context(request));
            if (!joined) return refused(joined.error(), request);
            return Response::json(201, {{"vendor", {{"id", joined->vendor_id}, {"name", joined->vendor_name}}},
                                        {"administrator", {{"id", joined->user_id}, {"login", joined->login}}},
                                        {"institution", {{"name", joined->institution_name}}},
                                        {"next", "sign_in_and_enrol_mfa"}});
        },
        blocking);
    routes.authenticated(Method::get, "/api/v1/vendor/customers", [service](Request& request, const Caller& caller) {
        auto list = service->customers(caller);
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& c : *list)
            out.push_back(
                {{"id", c.id}, {"name", c.name}, {"linked_at", c.linked_at}, {"systems", systems_json(c.systems)}});
        return Response::json(200, {{"customers", out}});
    });

    // The operator.
    routes.authenticated(Method::get, "/api/v1/vendor-organisations", [service](Request& request, const Caller& caller) {
        const auto q = request.query_param("q").value_or("");
        if (q.size() > 400) return problem(Error{ErrorCode::invalid_input, "q is too long", {{"q", "q is too long"}}}, request);
        auto list = service->find_vendors(caller, q);
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& v : *list) out.push_back(organisation_json(v));
        return Response::json(200, {{"vendor_organisations", out}});
    });
    routes.authenticated(
        Method::post, "/api/v1/vendor-organisations",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto name = string_field(*body, "name", kMaxName);
            if (!name) return problem(name.error(), request);
            auto number = corporate_number(*body);
            if (!number) return problem(number.error(), request);
            auto confirmed = confirm_new(*body);
            if (!confirmed) return problem(confirmed.error(), request);
            auto made = service->register_vendor(caller, *name, *number, *confirmed, audit_context(request));
            if (!made) return problem(made.error(), request);
            return Response::json(201, organisation_json(*made));
        },
        limited);
    routes.authenticated(
        Method::post, "/api/v1/vendor-organisations/{id}/links",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto institution = optional_int_field(*body, "institution_id", 1, std::numeric_limits<std::int64_t>::max());
            if (!institution) return problem(institution.error(), request);
            auto facility = optional_string_field(*body, "facility_id", 32);
            if (!facility) return problem(facility.error(), request);
            if (!*institution && !*facility)
                return problem(Error{ErrorCode::invalid_input, "institution_id or facility_id is required",
                                     {{"institution_id", "institution_id or facility_id is required"}}},
                               request);
            if (!*institution) {
                auto found = service->institution_by_facility_id(caller, **facility);
                if (!found) return problem(found.error(), request);
                *institution = *found;
            }
            auto linked = service->link_by_operator(caller, id, **institution, audit_context(request));
            if (!linked) return problem(linked.error(), request);
            return Response::json(201, linked_json(*linked));
        }),
        limited);
}

}  // namespace mamori::api
