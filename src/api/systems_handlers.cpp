#include "systems_handlers.hpp"

#include <limits>
#include <memory>
#include <nlohmann/json.hpp>

#include "mamori/services/systems_register.hpp"
#include "mamori/vendors/system_kinds.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::RegisteredSystem;

constexpr std::size_t kMaxBodyBytes = 32 * 1024;
// Byte limits at the edge: four bytes per character of the domain's character limits (system_record.hpp).
constexpr std::size_t kMaxShortText = 4 * 100;
constexpr std::size_t kMaxRemoteText = 4 * 200;
constexpr std::size_t kMaxNote = 4 * 1000;

json system_json(const RegisteredSystem& s) {
    json out = vendors::record_json(s.record);
    out["id"] = s.id;
    out["organisation_id"] = s.organisation_id;
    out["status"] = s.status;
    out["version"] = s.version;
    out["created_at"] = s.created_at;
    out["updated_at"] = s.updated_at;
    out["contract_ended"] = s.contract_ended;
    out["contract_ends_soon"] = s.contract_ends_soon;
    json history = json::array();
    for (const auto& v : s.history)
        history.push_back({{"version", v.version},
                           {"action", v.action},
                           {"changed_fields", v.changed_fields},
                           {"by", v.by},
                           {"at", v.at},
                           {"record", vendors::record_json(v.record)}});
    out["history"] = history;
    return out;
}

Result<std::string> text(const json& body, const char* name, std::size_t max_bytes) {
    auto value = optional_string_field(body, name, max_bytes);
    if (!value) return fail(value.error());
    return value->value_or("");
}

Result<bool> flag(const json& body, const char* name) {
    auto value = optional_bool_field(body, name);
    if (!value) return fail(value.error());
    return value->value_or(false);
}

// system_record: the body's fields (each optional but kind and name, checked by the domain's rules);
// unknown fields are ignored.
Result<vendors::SystemRecord> system_record(const json& body) {
    vendors::SystemRecord r;
    auto kind = string_field(body, "kind", 40);
    if (!kind) return fail(kind.error());
    r.kind = std::move(*kind);
    auto name = string_field(body, "name", kMaxShortText);
    if (!name) return fail(name.error());
    r.name = std::move(*name);
    for (auto [field, target, limit] :
         {std::tuple{"product_name", &r.product_name, kMaxShortText},
          std::tuple{"product_version", &r.product_version, kMaxShortText},
          std::tuple{"vendor_name", &r.vendor_name, kMaxShortText},
          std::tuple{"remote_method_note", &r.remote_method_note, kMaxRemoteText},
          std::tuple{"remote_device", &r.remote_device, kMaxRemoteText},
          std::tuple{"connection_point", &r.connection_point, kMaxRemoteText},
          std::tuple{"note", &r.note, kMaxNote}}) {
        auto value = text(body, field, limit);
        if (!value) return fail(value.error());
        *target = std::move(*value);
    }
    for (auto [field, target] : {std::pair{"contract_start", &r.contract_start},
                                 std::pair{"contract_end", &r.contract_end},
                                 std::pair{"remote_method", &r.remote_method}}) {
        auto value = optional_string_field(body, field, 20);
        if (!value) return fail(value.error());
        *target = *value && !(*value)->empty() ? *value : std::nullopt;
    }
    for (auto [field, target] : {std::pair{"maintenance_contract", &r.maintenance_contract},
                                 std::pair{"subcontracting", &r.subcontracting},
                                 std::pair{"remote_maintenance", &r.remote_maintenance}}) {
        auto value = flag(body, field);
        if (!value) return fail(value.error());
        *target = *value;
    }
    auto vendor = optional_int_field(body, "vendor_organisation_id", 1, std::numeric_limits<std::int64_t>::max());
    if (!vendor) return fail(vendor.error());
    r.vendor_organisation_id = *vendor;
    auto location = optional_string_field(body, "data_location", 20);
    if (!location) return fail(location.error());
    r.data_location = location->value_or("on_premises");
    auto backup = optional_string_field(body, "backup_responsibility", 20);
    if (!backup) return fail(backup.error());
    r.backup_responsibility = backup->value_or("institution");
    return r;
}

Result<int> version_field(const json& body) {
    auto version = optional_int_field(body, "version", 1, 1'000'000);
    if (!version) return fail(version.error());
    if (!*version) return fail(ErrorCode::invalid_input, "version is required", "version");
    return static_cast<int>(**version);
}

}  // namespace

void register_systems_routes(ApiRoutes& routes, store::Database& db) {
    auto service = std::make_shared<services::SystemsRegister>(db);
    const http::RouteOptions limited{.max_body_bytes = kMaxBodyBytes};

    // Before /api/v1/systems/{id}: the first matching pattern answers.
    routes.authenticated(Method::get, "/api/v1/systems/kinds", [](Request&, const Caller&) {
        json kinds = json::array();
        for (const auto& k : vendors::builtin_system_kinds())
            kinds.push_back({{"code", k.code}, {"label_ja", k.label_ja}, {"label_en", k.label_en}});
        return Response::json(200, {{"kinds", kinds}});
    });
    routes.authenticated(Method::get, "/api/v1/systems", [service](Request& request, const Caller& caller) {
        auto list = service->list(caller);
        if (!list) return problem(list.error(), request);
        json in_use = json::array(), retired = json::array();
        for (const auto& s : list->in_use) in_use.push_back(system_json(s));
        for (const auto& s : list->retired) retired.push_back(system_json(s));
        return Response::json(200, {{"systems", in_use}, {"retired", retired}, {"can_write", list->can_write}});
    });
    routes.authenticated(
        Method::post, "/api/v1/systems",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto record = system_record(*body);
            if (!record) return problem(record.error(), request);
            auto made = service->create(caller, *record, audit_context(request));
            if (!made) return problem(made.error(), request);
            return Response::json(201, system_json(*made));
        },
        limited);
    routes.authenticated(Method::get, "/api/v1/systems/{id}",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto found = service->get(caller, id);
                             if (!found) return problem(found.error(), request);
                             return Response::json(200, system_json(*found));
                         }));
    routes.authenticated(
        Method::put, "/api/v1/systems/{id}",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            auto record = system_record(*body);
            if (!record) return problem(record.error(), request);
            auto changed = service->update(caller, id, *version, *record, audit_context(request));
            if (!changed) return problem(changed.error(), request);
            return Response::json(200, system_json(*changed));
        }),
        limited);
    routes.authenticated(
        Method::post, "/api/v1/systems/{id}/retire",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            auto retired = service->retire(caller, id, *version, audit_context(request));
            if (!retired) return problem(retired.error(), request);
            return Response::json(200, system_json(*retired));
        }),
        limited);
}

}  // namespace mamori::api
