/// @file
/// @brief Registers every HTTP route of mamori. Handlers are thin: parse and validate the request, call a
/// service, map the result to JSON or a problem response.
///
///     http::Router router;
///     api::register_routes(router, {*db, metrics, identity, *catalog});
#pragma once

#include "mamori/http/metrics.hpp"
#include "mamori/http/router.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/services/identity_service.hpp"
#include "mamori/services/statistics.hpp"
#include "mamori/services/surveys.hpp"
#include "mamori/store/database.hpp"

namespace mamori::api {

// Dependencies: what handlers may reach; grows as services are added.
struct Dependencies {
    store::Database& db;
    http::Metrics& metrics;
    services::IdentityService& identity;
    services::CatalogService& catalog;
    services::AssessmentService& assessments;
    services::Statistics& statistics;
    services::Surveys& surveys;
    bool secure_cookies = false;  // mark the session cookie Secure (served over TLS)
};

// register_routes: adds all API and operational routes (/healthz, /readyz, /metrics, /api/v1/…).
void register_routes(http::Router& router, Dependencies deps);

}  // namespace mamori::api
