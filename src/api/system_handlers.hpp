// Operational routes: liveness, readiness (database), Prometheus metrics and the version.
#pragma once

#include "mamori/api/routes.hpp"

namespace mamori::api {

void register_system_routes(http::Router& router, Dependencies deps);

}  // namespace mamori::api
