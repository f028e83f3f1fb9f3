#include "ledger_handlers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>

#include "../services/ledger.hpp"
#include "json_input.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::LedgerAsset;

// An asset with 10,000 software entries of a few hundred bytes each fits.
constexpr std::size_t kMaxBodyBytes = std::size_t{4} * 1024 * 1024;
constexpr std::size_t kMaxText = 4 * ledger::kMaxAssetText;
constexpr std::size_t kMaxNote = 4 * ledger::kMaxAssetNote;
constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

json version_json(const services::asset_records::AssetVersion& v) {
    return {{"version", v.version},
            {"action", v.action},
            {"changed_fields", v.changed_fields},
            {"by", v.by},
            {"import_id", v.import_id ? json(*v.import_id) : json(nullptr)},
            {"at", v.at},
            {"status", v.status},
            {"reason", v.reason},
            {"record", ledger::record_json(v.record)}};
}

json asset_json(const LedgerAsset& item, bool with_versions) {
    const auto& a = item.asset;
    json out = ledger::record_json(a.record);
    out["id"] = a.id;
    out["organisation_id"] = a.organisation_id;
    out["status"] = a.status;
    out["source"] = a.source;
    out["last_seen_at"] = a.last_seen_at ? json(*a.last_seen_at) : json(nullptr);
    out["version"] = a.version;
    out["created_at"] = a.created_at;
    out["updated_at"] = a.updated_at;
    out["system_name"] = item.system_name;
    if (with_versions) {
        json versions = json::array();
        for (const auto& v : item.versions) versions.push_back(version_json(v));
        out["versions"] = versions;
        out["can_write"] = item.can_write;
    } else {
        out.erase("software");
    }
    return out;
}

// check_types: the body's fields have the types and sizes of an asset (each optional but name); an error
// names the field by its JSON path.
Status check_types(const json& body) {
    if (auto name = string_field(body, "name", kMaxText); !name) return fail(name.error());
    for (const char* field : {"asset_class", "location", "department", "owner", "serial", "manufacturer",
                              "model", "os_name", "os_version", "firmware_version", "system_note"})
        if (auto v = optional_string_field(body, field, kMaxText); !v) return fail(v.error());
    if (auto v = optional_string_field(body, "note", kMaxNote); !v) return fail(v.error());
    for (const char* field : {"vendor_managed", "internet_facing", "remote_maintenance"})
        if (auto v = optional_bool_field(body, field); !v) return fail(v.error());
    if (auto v = optional_int_field(body, "system_id", 1, std::numeric_limits<std::int64_t>::max()); !v)
        return fail(v.error());
    for (const char* field : {"ip_addresses", "mac_addresses"})
        if (auto v = string_list_field(body, field, ledger::kMaxAddresses, 64, false); !v)
            return fail(v.error());
    if (const auto cpes = body.find("cpes"); cpes != body.end() && !cpes->is_null()) {
        if (!cpes->is_array()) return fail(ErrorCode::invalid_input, "cpes: a list", "cpes");
        if (cpes->size() > static_cast<std::size_t>(ledger::kMaxCpes))
            return fail(ErrorCode::invalid_input, fmt::format("cpes: at most {}", ledger::kMaxCpes), "cpes");
        for (std::size_t i = 0; i < cpes->size(); ++i) {
            const auto& c = (*cpes)[i];
            const auto at = fmt::format("cpes[{}]", i);
            if (c.is_string()) continue;
            if (!c.is_object())
                return fail(ErrorCode::invalid_input, at + ": a CPE name or {cpe, origin}", at);
            if (auto v = string_field(c, "cpe", 500); !v)
                return fail(ErrorCode::invalid_input, v.error().message, at + ".cpe");
            if (auto v = optional_string_field(c, "origin", 20); !v)
                return fail(ErrorCode::invalid_input, v.error().message, at + ".origin");
        }
    }
    if (const auto software = body.find("software"); software != body.end() && !software->is_null()) {
        if (!software->is_array()) return fail(ErrorCode::invalid_input, "software: a list", "software");
        if (software->size() > static_cast<std::size_t>(ledger::kMaxSoftware))
            return fail(ErrorCode::invalid_input, fmt::format("software: at most {}", ledger::kMaxSoftware),
                        "software");
        for (std::size_t i = 0; i < software->size(); ++i) {
            const auto& s = (*software)[i];
            const auto at = fmt::format("software[{}]", i);
            if (!s.is_object()) return fail(ErrorCode::invalid_input, at + ": an object", at);
            for (const char* field : {"name", "version", "publisher", "kind", "cpe", "purl", "port"})
                if (auto v =
                        optional_string_field(s, field, field == std::string_view("purl") ? 4000 : kMaxText);
                    !v)
                    return fail(ErrorCode::invalid_input, v.error().message, fmt::format("{}.{}", at, field));
        }
    }
    return {};
}

Result<ledger::AssetRecord> asset_record(const json& body) {
    if (auto ok = check_types(body); !ok) return fail(ok.error());
    return ledger::normalise_record(ledger::record_from_json(body));
}

Result<int> version_field(const json& body) {
    auto version = optional_int_field(body, "version", 1, 1'000'000);
    if (!version) return fail(version.error());
    if (!*version) return fail(ErrorCode::invalid_input, "version is required", "version");
    return static_cast<int>(**version);
}

Result<std::optional<std::int64_t>> id_query(const Request& request, const char* name) {
    const auto text = request.query_param(name);
    if (!text || text->empty()) return std::optional<std::int64_t>();
    std::int64_t value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || value <= 0)
        return fail(ErrorCode::invalid_input, fmt::format("{}: a positive integer", name), name);
    return std::optional<std::int64_t>(value);
}

Result<std::optional<bool>> flag_query(const Request& request, const char* name) {
    const auto text = request.query_param(name);
    if (!text || text->empty()) return std::optional<bool>();
    if (*text == "true") return std::optional<bool>(true);
    if (*text == "false") return std::optional<bool>(false);
    return fail(ErrorCode::invalid_input, fmt::format("{}: true or false", name), name);
}

Result<services::LedgerFilter> filter_of(const Request& request) {
    services::LedgerFilter f;
    auto org = id_query(request, "organisation");
    if (!org) return fail(org.error());
    f.organisation_id = *org;
    auto system = id_query(request, "system");
    if (!system) return fail(system.error());
    f.system_id = *system;
    auto internet = flag_query(request, "internet_facing");
    if (!internet) return fail(internet.error());
    f.internet_facing = *internet;
    auto cpe = flag_query(request, "has_cpe");
    if (!cpe) return fail(cpe.error());
    f.has_cpe = *cpe;
    f.asset_class = request.query_param("class").value_or("");
    f.status = request.query_param("status").value_or("");
    f.source = request.query_param("source").value_or("");
    f.place = request.query_param("place").value_or("");
    f.seen_before = request.query_param("seen_before").value_or("");
    f.text = request.query_param("q").value_or("");
    f.sort = request.query_param("sort").value_or("name");
    if (f.sort.empty()) f.sort = "name";
    const auto order = request.query_param("order").value_or("asc");
    if (order != "asc" && order != "desc")
        return fail(ErrorCode::invalid_input, "order: asc or desc", "order");
    f.descending = order == "desc";
    const auto page = request.query_param("page").value_or("1");
    int number = 0;
    const auto [ptr, ec] = std::from_chars(page.data(), page.data() + page.size(), number);
    if (ec != std::errc() || ptr != page.data() + page.size() || number < 1)
        return fail(ErrorCode::invalid_input, "page: from 1", "page");
    f.page = number;
    return f;
}

// conditions_text: the filters in words for the printed documents.
std::string conditions_text(const services::LedgerFilter& f) {
    std::vector<std::string> parts;
    if (!f.asset_class.empty())
        parts.push_back(fmt::format("区分 {}", services::asset_class_label(f.asset_class)));
    if (f.status == "in_use") parts.emplace_back("使用中のみ");
    if (f.status == "retired") parts.emplace_back("廃棄済みのみ");
    if (!f.place.empty()) parts.push_back(fmt::format("場所・部署「{}」", f.place));
    if (f.internet_facing) parts.emplace_back(*f.internet_facing ? "外部接続あり" : "外部接続なし");
    if (f.has_cpe) parts.emplace_back(*f.has_cpe ? "CPEあり" : "CPEなし");
    if (!f.seen_before.empty()) parts.push_back(fmt::format("{}より前から未確認", f.seen_before));
    if (!f.text.empty()) parts.push_back(fmt::format("「{}」を含む", f.text));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
    return out;
}

Response export_response(services::Ledger& ledger, Request& request, const Caller& caller,
                         std::string_view format) {
    auto filter = filter_of(request);
    if (!filter) return problem(filter.error(), request);
    auto rows = ledger.export_rows(caller, *filter);
    if (!rows) return problem(rows.error(), request);
    const auto sheet = services::ledger_sheet(*rows, conditions_text(*filter));
    const auto name = fmt::format("機器台帳_{}_{}.{}", rows->organisation_name, sheet.printed_on, format);
    if (format == "csv")
        return Response::download(documents::render_ledger_csv(sheet), "text/csv; charset=utf-8", name);
    auto bytes =
        format == "xlsx" ? documents::render_ledger_xlsx(sheet) : documents::render_ledger_pdf(sheet);
    if (!bytes) return problem(bytes.error(), request);
    return Response::download(std::move(*bytes),
                              format == "xlsx" ? std::string(kXlsxType) : "application/pdf", name);
}

// suggestion_json: one CPE suggestion; `reasons` are words the page turns into sentences.
json suggestion_json(const exposure::Suggestion& s) {
    using R = exposure::SuggestionReason;
    static constexpr std::pair<R, std::string_view> kReasons[] = {
        {R::vendor_matched, "vendor_matched"},           {R::vendor_in_japanese_title, "vendor_in_japanese_title"},
        {R::product_equals_model, "product_equals_model"}, {R::model_in_title, "model_in_title"},
        {R::model_partly_in_title, "model_partly_in_title"}, {R::os_name_matched, "os_name_matched"},
        {R::version_matched, "version_matched"},         {R::version_from_device, "version_from_device"},
        {R::deprecated, "deprecated"}};
    json reasons = json::array();
    for (const auto& [flag, name] : kReasons)
        if (s.has(flag)) reasons.push_back(name);
    return {{"cpe", s.cpe}, {"source_cpe", s.source_cpe}, {"confidence", s.confidence}, {"reasons", reasons}};
}

}  // namespace

void register_ledger_routes(ApiRoutes& routes, store::Database& db) {
    auto service = std::make_shared<services::Ledger>(db);
    const http::RouteOptions limited{.max_body_bytes = kMaxBodyBytes};
    const http::RouteOptions small{.max_body_bytes = std::size_t{16} * 1024};

    routes.authenticated(Method::get, "/api/v1/ledger/assets",
                         [service](Request& request, const Caller& caller) {
                             auto filter = filter_of(request);
                             if (!filter) return problem(filter.error(), request);
                             auto page = service->list(caller, *filter);
                             if (!page) return problem(page.error(), request);
                             json assets = json::array();
                             for (const auto& a : page->assets) assets.push_back(asset_json(a, false));
                             return Response::json(200, {{"organisation_id", page->organisation_id},
                                                         {"organisation_name", page->organisation_name},
                                                         {"assets", assets},
                                                         {"total", page->total},
                                                         {"page", page->page},
                                                         {"page_size", page->page_size},
                                                         {"can_write", page->can_write}});
                         });
    routes.authenticated(
        Method::post, "/api/v1/ledger/assets",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto record = asset_record(*body);
            if (!record) return problem(record.error(), request);
            auto made = service->create(caller, *record, audit_context(request));
            if (!made) return problem(made.error(), request);
            return Response::json(201, asset_json(*made, true));
        },
        limited);
    routes.authenticated(Method::get, "/api/v1/ledger/assets/{id}",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto found = service->get(caller, id);
                             if (!found) return problem(found.error(), request);
                             return Response::json(200, asset_json(*found, true));
                         }));
    routes.authenticated(Method::put, "/api/v1/ledger/assets/{id}",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto version = version_field(*body);
                             if (!version) return problem(version.error(), request);
                             auto record = asset_record(*body);
                             if (!record) return problem(record.error(), request);
                             auto changed =
                                 service->update(caller, id, *version, *record, audit_context(request),
                                                 !body->contains("software"));
                             if (!changed) return problem(changed.error(), request);
                             return Response::json(200, asset_json(*changed, true));
                         }),
                         limited);
    for (const bool retire : {true, false}) {
        routes.authenticated(
            Method::post, retire ? "/api/v1/ledger/assets/{id}/retire" : "/api/v1/ledger/assets/{id}/restore",
            with_id([service, retire](Request& request, const Caller& caller, std::int64_t id) {
                auto body = json_object(request);
                if (!body) return problem(body.error(), request);
                auto version = version_field(*body);
                if (!version) return problem(version.error(), request);
                auto reason = string_field(*body, "reason", std::size_t{4} * 500);
                if (!reason) return problem(reason.error(), request);
                auto done = retire ? service->retire(caller, id, *version, *reason, audit_context(request))
                                   : service->restore(caller, id, *version, *reason, audit_context(request));
                if (!done) return problem(done.error(), request);
                return Response::json(200, asset_json(*done, true));
            }),
            small);
    }
    routes.authenticated(Method::get, "/api/v1/ledger/assets/{id}/versions",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto versions = service->versions(caller, id);
                             if (!versions) return problem(versions.error(), request);
                             json out = json::array();
                             for (const auto& v : *versions) out.push_back(version_json(v));
                             return Response::json(200, {{"versions", out}});
                         }));
    routes.authenticated(Method::get, "/api/v1/ledger/assets/{id}/cpe-suggestions",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto suggestions = service->cpe_suggestions(caller, id);
                             if (!suggestions) return problem(suggestions.error(), request);
                             json out = json::array();
                             for (const auto& s : *suggestions) out.push_back(suggestion_json(s));
                             return Response::json(200, {{"suggestions", out}});
                         }));
    routes.authenticated(Method::get, "/api/v1/ledger/summary",
                         [service](Request& request, const Caller& caller) {
                             auto org = id_query(request, "organisation");
                             if (!org) return problem(org.error(), request);
                             auto summary = service->summary(caller, *org);
                             if (!summary) return problem(summary.error(), request);
                             json by_class = json::object();
                             for (const auto& [c, n] : summary->in_use_by_class) by_class[c] = n;
                             return Response::json(200, {{"organisation_id", summary->organisation_id},
                                                         {"in_use_by_class", by_class},
                                                         {"in_use", summary->in_use},
                                                         {"retired", summary->retired},
                                                         {"without_cpe", summary->without_cpe},
                                                         {"stale", summary->stale},
                                                         {"never_seen", summary->never_seen},
                                                         {"internet_facing", summary->internet_facing},
                                                         {"stale_days", ledger::kLedgerStaleDays}});
                         });
    routes.authenticated(Method::get, "/api/v1/ledger/systems",
                         [service](Request& request, const Caller& caller) {
                             auto org = id_query(request, "organisation");
                             if (!org) return problem(org.error(), request);
                             auto systems = service->systems(caller, *org);
                             if (!systems) return problem(systems.error(), request);
                             json out = json::array();
                             for (const auto& s : *systems) out.push_back({{"id", s.id}, {"name", s.name}});
                             return Response::json(200, {{"systems", out}});
                         });
    for (const char* format : {"csv", "xlsx", "pdf"})
        routes.authenticated(Method::get, fmt::format("/api/v1/ledger/export.{}", format),
                             [service, format](Request& request, const Caller& caller) {
                                 return export_response(*service, request, caller, format);
                             });
}

}  // namespace mamori::api
