#pragma once
// The caller of a session or API token resolved in one query (credential → user → organisation → roles →
// jurisdiction), for IdentityService::authenticate_session / authenticate_api_token. Decisions (expiry,
// disabled users, pending MFA, scopes) stay with the service; this only reads.
#include <soci/soci.h>

#include <optional>
#include <string>

#include "identity_records.hpp"
#include "mamori/identity/caller.hpp"

namespace mamori::services::records {

// SessionCaller: a sessions row with its user and the Caller the user would be.
struct SessionCaller {
    long long session_id = 0;
    bool mfa_pending = false;
    std::string last_seen_at;
    std::string expires_at;
    UserRecord user;
    identity::Caller caller;
};

// ApiTokenCaller: an api_tokens row with its user and the Caller the user would be (scopes not applied).
struct ApiTokenCaller {
    long long token_id = 0;
    std::string scopes;
    std::string expires_at;
    std::optional<std::string> revoked_at;
    std::optional<std::string> last_used_at;
    UserRecord user;
    identity::Caller caller;
};

// find_session_caller / find_api_token_caller: nullopt when no credential has this hash (or its user is
// gone).
std::optional<SessionCaller> find_session_caller(soci::session& sql, const std::string& token_hash);
std::optional<ApiTokenCaller> find_api_token_caller(soci::session& sql, const std::string& token_hash);

}  // namespace mamori::services::records
