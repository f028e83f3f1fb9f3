#include "mamori/api/routes.hpp"

#include "assessment_handlers.hpp"
#include "asset_import_handlers.hpp"
#include "auth.hpp"
#include "catalog_admin_handlers.hpp"
#include "catalog_handlers.hpp"
#include "demo_handlers.hpp"
#include "edition_draft_handlers.hpp"
#include "feed_handlers.hpp"
#include "findings_handlers.hpp"
#include "identity_handlers.hpp"
#include "inspection_record_handlers.hpp"
#include "improvement_request_handlers.hpp"
#include "inspection_plan_handlers.hpp"
#include "jurisdiction_handlers.hpp"
#include "ledger_handlers.hpp"
#include "system_handlers.hpp"
#include "role_sharing_handlers.hpp"
#include "statistics_handlers.hpp"
#include "statistics_indicator_handlers.hpp"
#include "preparedness_handlers.hpp"
#include "survey_handlers.hpp"
#include "systems_handlers.hpp"
#include "vendor_link_handlers.hpp"
#include "vendor_request_handlers.hpp"
#include "vendor_disclosure_handlers.hpp"

namespace mamori::api {

void register_routes(http::Router& router, Dependencies deps) {
    register_system_routes(router, deps);
    ApiRoutes routes(router, deps.identity, {deps.secure_cookies, deps.identity.session_idle()});
    register_identity_routes(routes);
    register_catalog_routes(routes, deps.catalog);
    register_catalog_admin_routes(routes, deps.catalog, deps.db);
    register_edition_draft_routes(routes, deps.catalog, deps.db);
    register_assessment_routes(routes, deps.assessments);
    register_assessment_document_routes(routes, deps.assessments);
    register_guideline_volume_routes(routes, deps.db, deps.catalog);
    register_demo_routes(routes, deps.db);
    register_jurisdiction_routes(routes, deps.db, deps.catalog);
    register_inspection_record_routes(routes, deps.db, deps.catalog);
    register_improvement_request_routes(routes, deps.db, deps.assessments);
    register_inspection_plan_routes(routes, deps.db);
    // Before the systems register: /api/v1/systems/disclosures is not /api/v1/systems/{id}.
    register_vendor_disclosure_routes(routes, deps.db);
    register_systems_routes(routes, deps.db);
    register_checklist_register_context_routes(routes, deps.db, deps.assessments);
    register_vendor_link_routes(routes, deps.db);
    register_vendor_request_routes(routes, deps.db, deps.catalog);
    register_vendor_product_routes(routes, deps.db, deps.catalog);
    register_role_sharing_routes(routes, deps.db);
    register_asset_import_routes(routes, deps.db);
    register_ledger_routes(routes, deps.db);
    register_findings_routes(routes, deps.db);
    register_feed_routes(routes, deps.db);
    register_statistics_routes(routes, deps.statistics);
    register_statistics_indicator_routes(routes, deps.statistics);
    register_survey_routes(routes, deps.surveys);
    register_preparedness_routes(routes, deps.db);
}

}  // namespace mamori::api
