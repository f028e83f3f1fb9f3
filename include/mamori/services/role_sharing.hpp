/// @file
/// @brief The 役割分担確認表 of each contract (a system of an institution's register with its linked vendor):
/// per row of the table (vendors/role_sharing.hpp) the 初回確認, 完了日 and a note, written by both parties.
/// The institution's own users read it (administrators, security managers and editors write); the vendor's
/// users read and write it only for systems the vendor runs (vendor_scope::system_run_by). Anyone else,
/// another institution's system or a system another vendor runs is not_found; a system without a linked
/// vendor is a conflict. Every change is one transaction: the row's new version, a history entry (who,
/// which side, before and after) and an audit entry; a stale version is a conflict.
///
///     RoleSharing roles(db);
///     auto table = roles.table(caller, system_id);
///     auto row = roles.update_row(caller, system_id, "p1-1-1-vendor-security", 0, check, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"
#include "mamori/vendors/role_sharing.hpp"

namespace mamori::services {

// RoleSharingChange: one change of a row, newest first in a row's history.
struct RoleSharingChange {
    int version = 1;
    std::string side;  // institution, vendor
    std::string by;    // the person's display name
    std::string organisation_name;
    std::string at;
    vendors::RowCheck before;
    vendors::RowCheck after;
};

// RoleSharingEntry: a row of the table with this contract's answers (version 0: never answered).
struct RoleSharingEntry {
    const vendors::RoleSharingRow* row = nullptr;
    vendors::RowCheck check;
    int version = 0;
    std::string updated_side;
    std::string updated_by;
    std::string updated_at;
    std::vector<RoleSharingChange> history;
};

// RoleSharingContract: whose table it is.
struct RoleSharingContract {
    std::int64_t system_id = 0;
    std::string system_name;
    std::string system_kind;
    std::string system_status;  // in_use, retired
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
};

struct RoleSharingSheet {
    RoleSharingContract contract;
    std::string side;  // the caller's side: institution, vendor
    bool can_edit = false;
    std::vector<RoleSharingEntry> entries;  // in the table's order
    vendors::RowProgress progress;
};

// VendorSystemProgress: a system the vendor runs, with its table's progress.
struct VendorSystemProgress {
    RoleSharingContract contract;
    vendors::RowProgress progress;
};

class RoleSharing {
  public:
    explicit RoleSharing(store::Database& db) : db_(db) {}

    Result<RoleSharingSheet> table(const identity::Caller& caller, std::int64_t system_id);

    // update_row: sets row `row_id`'s answers when it is still at `version` (0 for a row never answered).
    Result<RoleSharingSheet> update_row(const identity::Caller& caller, std::int64_t system_id,
                                        const std::string& row_id, int version, const vendors::RowCheck& check,
                                        const audit::Context& context);

    // vendor_systems: for a vendor's users, the customers' systems it runs (in use or retired) with progress.
    Result<std::vector<VendorSystemProgress>> vendor_systems(const identity::Caller& caller);

  private:
    store::Database& db_;
};

}  // namespace mamori::services
