/// @file
/// @brief The imported catalog revisions (table `catalog_revisions`, migration 0003): rows are only ever
/// added, in import order, never changed (the schema refuses UPDATE and DELETE).
///
///     auto rows = load_catalog_revisions(sql);              // oldest import first
///     insert_catalog_revision(sql, {"r8", 1, content, sha, now, "cli: r8.json"});
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::store {

// StoredCatalogRevision: one imported revision of one edition.
struct StoredCatalogRevision {
    std::string edition_id;
    int revision = 0;
    std::string content;  // normalized edition bundle (JSON)
    std::string sha256;   // of the edition document
    std::string imported_at;
    std::string source;
};

// catalog_revisions_exist: whether the table exists (the database has migration 0003), without changing
// anything; `mamori catalog validate` reads a database it must not migrate.
Result<bool> catalog_revisions_exist(Database& db);

// load_catalog_revisions: every stored revision, in import order.
std::vector<StoredCatalogRevision> load_catalog_revisions(soci::session& sql);

// count_catalog_revisions: how many revisions are stored; rows are never changed or removed, so an equal
// count means nothing was imported since.
std::size_t count_catalog_revisions(soci::session& sql);

// insert_catalog_revision: adds one row on the caller's session (inside its transaction). Throws on a
// database error, e.g. a revision number that is already taken.
void insert_catalog_revision(soci::session& sql, const StoredCatalogRevision& revision);

}  // namespace mamori::store
