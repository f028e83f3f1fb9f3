/// @file
/// @brief The audit entry for something an authenticated caller did (user or API token as actor).
///
///     audit::append(sql, caller_entry(caller, "assessment.submitted", "assessment:12"), context);
#pragma once

#include <fmt/format.h>

#include <string>

#include "mamori/audit/audit_log.hpp"
#include "mamori/identity/caller.hpp"

namespace mamori::audit {

inline Entry caller_entry(const identity::Caller& caller, std::string action, std::string target,
                          nlohmann::json detail = nlohmann::json::object()) {
    Entry e;
    e.organisation_id = caller.organisation.id;
    e.actor_user_id = caller.user_id;
    e.actor = caller.api_token_id ? fmt::format("token:{}", *caller.api_token_id)
                                  : fmt::format("user:{}", caller.user_id);
    e.action = std::move(action);
    e.target = std::move(target);
    e.detail = std::move(detail);
    return e;
}

}  // namespace mamori::audit
