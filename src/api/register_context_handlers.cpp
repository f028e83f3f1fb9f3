// GET /api/v1/assessments/{id}/register-context: the systems register and the ledger beside the checklist's
// items; GET …/preparedness-context: the preparedness records beside 3-①②③; POST
// …/answers/{item}/{row}/evidence/preparedness: the item's preparedness document attached as evidence.
#include <nlohmann/json.hpp>

#include "mamori/preparedness/records.hpp"
#include "mamori/core/json_null.hpp"
#include "mamori/services/checklist_register_context.hpp"
#include "mamori/services/preparedness_papers.hpp"
#include "assessment_json.hpp"
#include "systems_handlers.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

json context_json(const services::ChecklistRegisterContext& c) {
    const auto& f = c.facts;
    json items = json::array();
    for (const auto& item : c.items) {
        json warnings = json::array();
        for (const auto w : item.warnings) warnings.push_back(vendors::to_string(w));
        items.push_back({{"canonical_id", item.canonical_id}, {"warnings", warnings}});
    }
    return {{"has_vendor_contract", c.has_vendor_contract},
            {"facts",
             {{"systems_in_use", f.systems_in_use},
              {"with_vendor", f.with_vendor},
              {"with_remote_maintenance", f.with_remote_maintenance},
              {"remote_points_unrecorded", f.remote_points_unrecorded},
              {"linked_vendor_systems", f.linked_vendor_systems},
              {"without_current_disclosure", f.without_current_disclosure},
              {"vendors_without_disclosure", f.vendors_without_disclosure},
              {"assets_in_use", f.assets_in_use},
              {"assets_without_cpe", f.assets_without_cpe},
              {"days_since_ledger_change",
               or_null(f.days_since_ledger_change)},
              {"open_kev_findings", f.open_kev_findings},
              {"open_kev_assets", f.open_kev_assets}}},
            {"items", items}};
}

json labelled(const std::vector<std::string>& codes, const std::vector<preparedness::Code>& reference) {
    json out = json::array();
    for (const auto& code : codes)
        for (const auto& c : reference)
            if (c.code == code) out.push_back({{"code", code}, {"label_ja", c.label_ja}, {"label_en", c.label_en}});
    return out;
}

json preparedness_json(const services::ChecklistPreparednessContext& c) {
    const auto& f = c.facts;
    const auto& reference = preparedness::builtin_reference();
    json items = json::array();
    for (const auto& item : c.items) {
        json warnings = json::array();
        for (const auto w : item.warnings) warnings.push_back(preparedness::to_string(w));
        items.push_back({{"canonical_id", item.canonical_id}, {"warnings", warnings}});
    }
    return {{"facts",
             {{"contacts", f.contacts},
              {"roles_missing", labelled(f.roles_missing, reference.internal_roles)},
              {"bodies_missing", labelled(f.bodies_missing, reference.external_bodies)},
              {"chart_reviewed_on", or_null(f.chart_reviewed_on)},
              {"chart_reviewed_within_year", f.chart_reviewed_within_year},
              {"backups", f.backups},
              {"backups_without_offline", f.backups_without_offline},
              {"backups_untested", f.backups_untested},
              {"last_restore_test_on", or_null(f.last_restore_test_on)},
              {"bcp_rows", f.bcp_rows},
              {"bcp_done", f.bcp_done},
              {"bcp_not_done", f.bcp_not_done},
              {"bcp_not_applicable", f.bcp_not_applicable},
              {"last_drill_on", or_null(f.last_drill_on)}}},
            {"items", items}};
}

}  // namespace

void register_checklist_register_context_routes(ApiRoutes& routes, store::Database& db,
                                                services::AssessmentService& assessments) {
    routes.authenticated(Method::get, "/api/v1/assessments/{id}/preparedness-context",
                         with_id([&db, &assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto context = services::checklist_preparedness_context(assessments, db, caller, id);
                             if (!context) return problem(context.error(), request);
                             return Response::json(200, preparedness_json(*context));
                         }));
    routes.authenticated(
        Method::post, "/api/v1/assessments/{id}/answers/{item}/{row}/evidence/preparedness",
        with_id([&db, &assessments](Request& request, const Caller& caller, std::int64_t id) {
            services::PreparednessService preparedness(db);
            auto evidence = services::attach_paper(assessments, preparedness, caller, id,
                                                   {std::string(request.param("item")), std::string(request.param("row"))},
                                                   audit_context(request));
            if (!evidence) return problem(evidence.error(), request);
            return Response::json(201, evidence_json(*evidence));
        }));
    routes.authenticated(Method::get, "/api/v1/assessments/{id}/register-context",
                         with_id([&db, &assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto context = services::checklist_register_context(assessments, db, caller, id);
                             if (!context) return problem(context.error(), request);
                             return Response::json(200, context_json(*context));
                         }));
}

}  // namespace mamori::api
