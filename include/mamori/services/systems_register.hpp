/// @file
/// @brief The systems register (システム台帳) of an institution: which systems it runs, who supplies and
/// maintains them, how the vendor reaches them, and who backs up their data. Only the institution's own
/// users see it (administrators, security managers and editors write; viewers read); anyone else is
/// answered not_found. Every write is one transaction with a new version in the append-only history and an
/// audit entry; a stale version is a conflict.
///
///     SystemsRegister systems(db);
///     auto made = systems.create(caller, record, context);
///     auto changed = systems.update(caller, made->id, made->version, edited, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"
#include "mamori/vendors/system_record.hpp"

namespace mamori::services {

// SystemVersion: one version of a system as it was stored.
struct SystemVersion {
    int version = 1;
    std::string action;                       // created, changed, retired
    std::vector<std::string> changed_fields;  // for changed: the fields that differ from the version before
    std::string by;                           // the person's display name
    std::string at;
    vendors::SystemRecord record;
};

// RegisteredSystem: a system with its state and, for one system, its history (newest first).
struct RegisteredSystem {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    vendors::SystemRecord record;
    std::string status;  // in_use, retired
    int version = 1;
    std::string created_at;
    std::string updated_at;
    bool contract_ended = false;         // the contract's end date has passed (in use only)
    bool contract_ends_soon = false;     // it ends within 90 days
    std::vector<SystemVersion> history;  // filled by get
};

// SystemsList: the institution's systems, those in use apart from the retired ones; can_write: the caller
// may add and change systems.
struct SystemsList {
    std::vector<RegisteredSystem> in_use;
    std::vector<RegisteredSystem> retired;
    bool can_write = false;
};

class SystemsRegister {
  public:
    explicit SystemsRegister(store::Database& db) : db_(db) {}

    Result<SystemsList> list(const identity::Caller& caller);
    Result<RegisteredSystem> get(const identity::Caller& caller, std::int64_t id);
    Result<RegisteredSystem> create(const identity::Caller& caller, const vendors::SystemRecord& record,
                                    const audit::Context& context);
    Result<RegisteredSystem> update(const identity::Caller& caller, std::int64_t id, int version,
                                    const vendors::SystemRecord& record, const audit::Context& context);
    Result<RegisteredSystem> retire(const identity::Caller& caller, std::int64_t id, int version,
                                    const audit::Context& context);

  private:
    store::Database& db_;
};

}  // namespace mamori::services
