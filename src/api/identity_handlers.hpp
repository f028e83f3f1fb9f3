// HTTP routes for setup, login, MFA, the caller's own account, organisations, users, invitations, API tokens
// and the audit log.
#pragma once

#include "auth.hpp"

namespace mamori::api {

void register_identity_routes(ApiRoutes& routes);

}  // namespace mamori::api
