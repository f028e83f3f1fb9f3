#include "findings_handlers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/exposure/cpe.hpp"
#include "mamori/ledger/asset.hpp"
#include "mamori/services/exposure_matching.hpp"
#include "mamori/services/findings.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

constexpr std::size_t kMaxBodyBytes = 64 * 1024;
constexpr std::size_t kMaxDeviceCpes = 32;

json optional_number(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}

json row_json(const services::FindingRow& f) {
    return {
        {"id", f.id},
        {"organisation_id", f.organisation_id},
        {"asset",
         {{"id", f.asset_id},
          {"name", f.asset_name},
          {"asset_class", f.asset_class},
          {"internet_facing", f.internet_facing}}},
        {"exposed", f.exposed},
        {"cve_id", f.cve_id},
        {"state", f.state},
        {"state_reason", f.state_reason},
        {"active", f.active},
        {"priority", f.priority},
        {"cvss_score", optional_number(f.cvss_score)},
        {"cvss_severity", f.cvss_severity},
        {"kev", f.kev ? json{{"date_added", f.kev_date_added},
                             {"due_date", f.kev_due_date.empty() ? json(nullptr) : json(f.kev_due_date)},
                             {"ransomware_use", f.ransomware_use}}
                      : json(nullptr)},
        {"jvn", f.jvndb_id.empty() ? json(nullptr) : json{{"jvndb_id", f.jvndb_id}, {"title", f.jvn_title}}},
        {"matched_cpes", f.matched_cpes},
        {"first_found_at", f.first_found_at},
        {"last_matched_at", f.last_matched_at},
        {"inactive_since", f.inactive_since.empty() ? json(nullptr) : json(f.inactive_since)},
        {"version", f.version},
        {"updated_at", f.updated_at}};
}

json detail_json(const services::FindingDetail& d) {
    json out = row_json(d.finding);
    out["cve"] = {{"description", d.description},
                  {"cvss_version", d.cvss_version},
                  {"cvss_vector", d.cvss_vector},
                  {"published", d.published},
                  {"last_modified", d.last_modified}};
    if (d.finding.kev) {
        out["kev"]["vulnerability_name"] = d.kev_vulnerability_name;
        out["kev"]["required_action"] = d.kev_required_action;
        out["kev"]["short_description"] = d.kev_short_description;
    }
    if (!d.finding.jvndb_id.empty()) {
        out["jvn"]["summary"] = d.jvn_summary;
        out["jvn"]["link"] = d.jvn_link;
    }
    json events = json::array();
    for (const auto& e : d.events)
        events.push_back({{"seq", e.seq},
                          {"action", e.action},
                          {"from_state", e.from_state},
                          {"to_state", e.to_state},
                          {"reason", e.reason},
                          {"by", e.by},
                          {"at", e.at}});
    out["events"] = events;
    out["can_write"] = d.can_write;
    return out;
}

json page_json(const services::FindingsPage& page) {
    json rows = json::array();
    for (const auto& f : page.rows) rows.push_back(row_json(f));
    return {{"findings", rows}, {"total", page.total}, {"can_write", page.can_write}};
}

Result<services::FindingsQuery> findings_query(const Request& request) {
    services::FindingsQuery q;
    q.state = request.query_param("state").value_or("");
    if (q.state.size() > 40) return fail(ErrorCode::invalid_input, "state: unknown", "state");
    const auto kev = request.query_param("kev").value_or("false");
    if (kev != "true" && kev != "false") return fail(ErrorCode::invalid_input, "kev: true or false", "kev");
    q.kev_only = kev == "true";
    q.asset_class = request.query_param("class").value_or("");
    if (!q.asset_class.empty() &&
        std::find(std::begin(ledger::kAssetClasses), std::end(ledger::kAssetClasses), q.asset_class) ==
            std::end(ledger::kAssetClasses))
        return fail(ErrorCode::invalid_input, "class: one of the ledger's classes", "class");
    auto asset = integer_query(request, "asset_id", 1, INT64_MAX);
    if (!asset) return fail(asset.error());
    q.asset_id = *asset;
    auto org = integer_query(request, "organisation_id", 1, INT64_MAX);
    if (!org) return fail(org.error());
    q.organisation_id = *org;
    auto limit = integer_query(request, "limit", 1, services::kMaxFindingsPage);
    if (!limit) return fail(limit.error());
    q.limit = static_cast<int>(limit->value_or(50));
    auto offset = integer_query(request, "offset", 0, 1'000'000);
    if (!offset) return fail(offset.error());
    q.offset = static_cast<int>(offset->value_or(0));
    return q;
}

// device_cpes: the body's `cpes`, each a CPE 2.3 formatted string or 2.2 URI, in canonical form; the error
// names the entry ("cpes[1]").
Result<std::vector<std::string>> device_cpes(const json& body) {
    auto list = string_list_field(body, "cpes", kMaxDeviceCpes, exposure::kMaxCpeLength, true);
    if (!list) return fail(list.error());
    if ((*list)->empty()) return fail(ErrorCode::invalid_input, "cpes: at least one CPE name", "cpes");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        auto normal = exposure::normalise_cpe((**list)[i]);
        if (!normal)
            return fail(ErrorCode::invalid_input, fmt::format("cpes[{}]: {}", i, normal.error().message),
                        fmt::format("cpes[{}]", i));
        out.push_back(std::move(*normal));
    }
    return out;
}

json stats_json(const services::MatchStats& s) {
    return {{"assets", s.assets},
            {"found", s.found},
            {"returned", s.returned},
            {"gone", s.gone},
            {"unchanged", s.unchanged}};
}

}  // namespace

void register_findings_routes(ApiRoutes& routes, store::Database& db) {
    auto findings = std::make_shared<services::Findings>(db);
    auto matching = std::make_shared<services::ExposureMatching>(db);
    const http::RouteOptions limited{.max_body_bytes = kMaxBodyBytes};

    routes.authenticated(Method::get, "/api/v1/findings", [findings](Request& request, const Caller& caller) {
        auto query = findings_query(request);
        if (!query) return problem(query.error(), request);
        auto page = findings->list(caller, *query);
        if (!page) return problem(page.error(), request);
        return Response::json(200, page_json(*page));
    });
    // Before /api/v1/findings/{id}.
    routes.authenticated(Method::get, "/api/v1/findings/summary",
                         [findings](Request& request, const Caller& caller) {
                             auto org = integer_query(request, "organisation_id", 1, INT64_MAX);
                             if (!org) return problem(org.error(), request);
                             auto s = findings->summary(caller, *org);
                             if (!s) return problem(s.error(), request);
                             return Response::json(200, {{"open", s->open},
                                                         {"open_kev", s->open_kev},
                                                         {"ransomware", s->ransomware},
                                                         {"exposed", s->exposed},
                                                         {"exposed_kev", s->exposed_kev},
                                                         {"in_progress", s->in_progress},
                                                         {"overdue_kev", s->overdue_kev},
                                                         {"assets_affected", s->assets_affected}});
                         });
    routes.authenticated(Method::get, "/api/v1/findings/{id}",
                         with_id([findings](Request& request, const Caller& caller, std::int64_t id) {
                             auto found = findings->get(caller, id);
                             if (!found) return problem(found.error(), request);
                             return Response::json(200, detail_json(*found));
                         }));
    routes.authenticated(
        Method::post, "/api/v1/findings/{id}/state",
        with_id([findings](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto state = string_field(*body, "state", 40);
            if (!state) return problem(state.error(), request);
            auto reason = optional_string_field(*body, "reason", 4 * services::kMaxFindingReason);
            if (!reason) return problem(reason.error(), request);
            auto version = optional_int_field(*body, "version", 1, 1'000'000'000);
            if (!version) return problem(version.error(), request);
            if (!*version)
                return problem(fail(ErrorCode::invalid_input, "version is required", "version").value(),
                               request);
            services::StateChange change{*state, reason->value_or(""), static_cast<int>(**version)};
            auto changed = findings->change_state(caller, id, change, audit_context(request));
            if (!changed) return problem(changed.error(), request);
            return Response::json(200, detail_json(*changed));
        }),
        limited);
    routes.authenticated(Method::get, "/api/v1/ledger/assets/{id}/findings",
                         with_id([findings](Request& request, const Caller& caller, std::int64_t id) {
                             auto page = findings->for_asset(caller, id);
                             if (!page) return problem(page.error(), request);
                             return Response::json(200, page_json(*page));
                         }));
    routes.authenticated(
        Method::get, "/api/v1/exposure/national", [findings](Request& request, const Caller& caller) {
            auto n = findings->national(caller);
            if (!n) return problem(n.error(), request);
            json top = json::array();
            for (const auto& c : n->top_cves)
                top.push_back({{"cve_id", c.cve_id},
                               {"institutions", c.institutions},
                               {"findings", c.findings},
                               {"ransomware", c.ransomware}});
            return Response::json(200, {{"institutions_with_open_kev", n->institutions_with_open_kev},
                                        {"institutions_total", n->institutions_total},
                                        {"open_kev_findings", n->open_kev_findings},
                                        {"small_cell_threshold", services::kSmallCell},
                                        {"top_cves", top}});
        });
    routes.authenticated(
        Method::post, "/api/v1/exposure/check",
        [matching](Request& request, const Caller&) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto cpes = device_cpes(*body);
            if (!cpes) return problem(cpes.error(), request);
            auto hits = matching->check(*cpes);
            if (!hits) return problem(hits.error(), request);
            json out = json::array();
            for (const auto& h : *hits)
                out.push_back({{"cve_id", h.cve_id},
                               {"kev", h.kev},
                               {"ransomware_use", h.ransomware_use},
                               {"cvss_score", optional_number(h.cvss_score)},
                               {"cvss_severity", h.cvss_severity},
                               {"matched_cpes", h.matched_cpes}});
            return Response::json(200, {{"cpes", *cpes}, {"cves", out}});
        },
        limited);
    routes.authenticated(
        Method::post, "/api/v1/exposure/rematch",
        [matching](Request& request, const Caller& caller) {
            auto stats = matching->match_all(caller, audit_context(request));
            if (!stats) return problem(stats.error(), request);
            return Response::json(200, stats_json(*stats));
        },
        limited);
}

}  // namespace mamori::api
