// GET /api/v1/assessments/{id}/register-context: the systems register beside the checklist's vendor items.
#include <nlohmann/json.hpp>

#include "mamori/services/checklist_register_context.hpp"
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
               f.days_since_ledger_change ? json(*f.days_since_ledger_change) : json(nullptr)},
              {"open_kev_findings", f.open_kev_findings},
              {"open_kev_assets", f.open_kev_assets}}},
            {"items", items}};
}

}  // namespace

void register_checklist_register_context_routes(ApiRoutes& routes, store::Database& db,
                                                services::AssessmentService& assessments) {
    routes.authenticated(Method::get, "/api/v1/assessments/{id}/register-context",
                         with_id([&db, &assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto context = services::checklist_register_context(assessments, db, caller, id);
                             if (!context) return problem(context.error(), request);
                             return Response::json(200, context_json(*context));
                         }));
}

}  // namespace mamori::api
