// Helpers shared by the identity service's files (setup, login, credentials, users, API tokens): audit
// entries, throttle keys, input rules and MFA state. Private to src/services.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "identity_records.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/demo.hpp"
#include "mamori/services/identity_service.hpp"

namespace mamori::services::identity_detail {

namespace r = records;
using identity::Role;

constexpr int kRecoveryCodes = 10;
constexpr std::string_view kWrongCredentials = "the login name or password is wrong";

inline std::string account_key(std::string_view login) {
    return fmt::format("account:{}", login);
}
inline std::string address_key(std::string_view remote) {
    return fmt::format("address:{}", remote);
}

inline audit::Entry event(std::string action, std::string target, const std::optional<r::UserRecord>& user,
                          nlohmann::json detail = nlohmann::json::object()) {
    audit::Entry e;
    e.action = std::move(action);
    e.target = std::move(target);
    e.detail = std::move(detail);
    if (user) {
        e.organisation_id = user->organisation_id;
        e.actor_user_id = user->id;
        e.actor = fmt::format("user:{}", user->id);
    } else {
        e.actor = "anonymous";
    }
    return e;
}

inline Status check_display_name(std::string_view name) {
    const long n = character_count(name);
    if (n < 1 || n > 100 || name.find_first_of("\r\n") != std::string_view::npos)
        return fail(ErrorCode::invalid_input, "the name must have 1 to 100 characters on one line",
                    "display_name");
    return {};
}

inline Result<std::set<Role>> parse_roles(const std::vector<std::string>& names, identity::OrgKind kind) {
    std::set<Role> roles;
    const auto allowed = identity::roles_for(kind);
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto role = identity::parse_role(names[i]);
        if (!role || std::find(allowed.begin(), allowed.end(), *role) == allowed.end())
            return fail(
                ErrorCode::invalid_input,
                fmt::format("'{}' is not a role for a {} organisation", names[i], identity::to_string(kind)),
                fmt::format("roles[{}]", i));
        roles.insert(*role);
    }
    if (roles.empty()) return fail(ErrorCode::invalid_input, "give at least one role", "roles");
    return roles;
}

inline MfaStep mfa_step_for(soci::session& sql, const r::UserRecord& user, const std::set<Role>& roles) {
    if (user.totp_secret && user.totp_last_step) return MfaStep::verify;
    return identity::mfa_required(roles) && !demo_mfa_waived(sql, user.id) ? MfaStep::enrol : MfaStep::none;
}

constexpr std::string_view kEnrolFirst =
    "your role now requires two-factor authentication: log in again and set it up";

// mfa_satisfied: the user has enrolled MFA, or none of `roles` requires it, or the user is a demo persona
// of a demo database (services/demo.hpp).
inline bool mfa_satisfied(soci::session& sql, const r::UserRecord& user, const std::set<Role>& roles) {
    return (user.totp_secret && user.totp_last_step) || !identity::mfa_required(roles) ||
           demo_mfa_waived(sql, user.id);
}

inline std::string locked_message(const std::string& until) {
    return fmt::format("too many failed attempts: login is locked until {} (UTC); try again then", until);
}

}  // namespace mamori::services::identity_detail
