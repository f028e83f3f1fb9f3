// The rows of the systems register (systems, system_versions) and a system's fields as JSON, for
// systems_register.cpp and the demo. Inside the caller's transaction; no access decisions here.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mamori/services/systems_register.hpp"

namespace mamori::services::systems_records {

std::optional<RegisteredSystem> find_system(soci::session& sql, std::int64_t id);
std::vector<RegisteredSystem> systems_of(soci::session& sql, std::int64_t organisation_id);
std::vector<SystemVersion> versions_of(soci::session& sql, std::int64_t system_id);

// insert_system: the row at version 1 and its first version; returns its id.
std::int64_t insert_system(soci::session& sql, std::int64_t organisation_id, const vendors::SystemRecord& record,
                           std::optional<std::int64_t> user_id);
// update_system: writes `record` and `status` as version `version` + 1 when the row is still at `version`
// (false otherwise), and appends that version.
bool update_system(soci::session& sql, std::int64_t id, int version, const vendors::SystemRecord& record,
                   const std::string& status, const std::string& action,
                   const std::vector<std::string>& changed, std::optional<std::int64_t> user_id);

}  // namespace mamori::services::systems_records
