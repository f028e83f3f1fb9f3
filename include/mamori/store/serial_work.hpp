/// @file
/// @brief Work that must run one transaction at a time across every app server and that has no row to
/// lock: migrations, appending to the audit log's hash chain, the first-run setup. On PostgreSQL each kind
/// of work has a transaction-scoped advisory lock; on SQLite there is nothing to do, BEGIN IMMEDIATE already
/// admits one writer at a time.
///
///     db.transaction([&](soci::session& sql) -> Result<int> {
///         store::serialize(sql, store::SerialWork::audit_chain);  // held until COMMIT/ROLLBACK
///         ...
///     });
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace mamori::store {

// SerialWork: the advisory lock keys (stable: two mamori versions may run side by side during an upgrade).
enum class SerialWork : std::int64_t {
    migrations = 7346298,
    audit_chain = 7346299,
    first_run_setup = 7346300,
    login_throttle = 7346301,  // per throttle key (an account or an address)
};

// serialize: inside a transaction, waits until no other transaction does `work`, and keeps others waiting
// until this one ends. Outside a transaction it would end at once: call it inside Database::transaction.
void serialize(soci::session& sql, SerialWork work);

// serialize: the same for one `name` of a kind of work (one account's login guesses), so that work on
// other names goes on in parallel.
void serialize(soci::session& sql, SerialWork work, const std::string& name);

}  // namespace mamori::store
