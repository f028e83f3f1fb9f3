// HTTP routes for setup, login, MFA, the caller's own account, organisations, users, invitations, API tokens
// and the audit log.
#pragma once

#include "auth.hpp"

namespace mamori::api {

void register_identity_routes(ApiRoutes& routes);
// register_recovery_routes: account resets and pending invitations (identity_recovery_handlers.cpp).
void register_recovery_routes(ApiRoutes& routes);
// register_organisation_profile_routes: prefectures, setup's facility search, the organisation profile
// (identity_organisation_handlers.cpp).
void register_organisation_profile_routes(ApiRoutes& routes);

}  // namespace mamori::api
