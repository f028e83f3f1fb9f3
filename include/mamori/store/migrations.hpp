/// @file
/// @brief Numbered schema migrations per dialect (migrations/<dialect>/NNNN_name.sql, embedded in the
/// binary), applied in order, each in its own transaction, and recorded in `schema_migrations`. A database
/// whose schema is newer than this binary is refused.
///
///     auto report = migrate(db, embedded_migrations(db.dialect()).value());
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/embedded.hpp"
#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::store {

// Migration: one numbered script.
struct Migration {
    int version = 0;
    std::string name;
    std::string_view sql;
};

// DataStep: work a migration needs that SQL cannot do (Unicode normalisation, say), run on the migration's
// transaction right after its script; it throws to abort the migration. DataSteps maps a migration's
// version to its step; the caller supplies them, since they belong to the modules above the store.
using DataStep = std::function<void(soci::session&)>;
using DataSteps = std::map<int, DataStep>;

// MigrationReport: what migrate() found and did.
struct MigrationReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> applied;  // "0002_organisations"
};

// load_migrations: the migrations of `dialect` among `files` ("<dialect>/NNNN_name.sql"), sorted; fails if
// a name is malformed or the numbers are not 1, 2, 3 … without gaps.
Result<std::vector<Migration>> load_migrations(std::span<const embedded::File> files, Dialect dialect);

// embedded_migrations: load_migrations over the files compiled into the binary.
Result<std::vector<Migration>> embedded_migrations(Dialect dialect);

// current_version: the highest applied version (0 for an empty database).
Result<int> current_version(Database& db);

// applied_version: the highest version recorded in schema_migrations on `sql` (0 when it is empty); the
// table must exist. Throws on a database error.
int applied_version(soci::session& sql);

// migrate: applies every migration above the current version, each with its data step if `steps` has one.
// Fails without changing anything when the database is newer than the newest migration known to this
// binary.
Result<MigrationReport> migrate(Database& db, std::span<const Migration> migrations,
                                const DataSteps& steps = {});

}  // namespace mamori::store
