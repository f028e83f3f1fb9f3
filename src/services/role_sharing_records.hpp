// The rows of role_sharing_checks and role_sharing_changes, for role_sharing.cpp and the demo. Inside the
// caller's transaction; no access decisions here.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mamori/services/role_sharing.hpp"

namespace mamori::services::role_sharing_records {

// StoredCheck: a row's answers as stored, with who last changed them.
struct StoredCheck {
    vendors::RowCheck check;
    int version = 0;
    std::string side;
    std::string by;
    std::string at;
};

// checks_of: the stored rows of a contract by row id.
std::map<std::string, StoredCheck> checks_of(soci::session& sql, std::int64_t system_id, std::int64_t vendor_id);
// checks_of_vendor: every stored row a vendor's contracts have, by system id (one query for its whole list).
std::map<std::int64_t, std::map<std::string, StoredCheck>> checks_of_vendor(soci::session& sql,
                                                                            std::int64_t vendor_id);

// changes_of: a contract's history by row id, newest first.
std::map<std::string, std::vector<RoleSharingChange>> changes_of(soci::session& sql, std::int64_t system_id,
                                                                std::int64_t vendor_id);

// Writer: who writes a change.
struct Writer {
    std::optional<std::int64_t> user_id;
    std::int64_t organisation_id = 0;
    std::string side;
};

// write_check: stores `after` as version `version` + 1 when the row is at `version` (0: not stored yet) and
// appends the change; false when the row moved meanwhile.
bool write_check(soci::session& sql, std::int64_t system_id, std::int64_t vendor_id, const std::string& row_id,
                 int version, const vendors::RowCheck& before, const vendors::RowCheck& after,
                 const Writer& writer);

// organisation_name: the name of organisation `id` (empty when none).
std::string organisation_name(soci::session& sql, std::int64_t id);

}  // namespace mamori::services::role_sharing_records
