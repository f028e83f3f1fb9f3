/// @file
/// @brief Demo data: a small, plainly fictional set of organisations (the ministry, a prefecture, a health
/// centre, a hospital, a clinic, a dental clinic, a pharmacy, a vendor, and a second prefecture with a
/// clinic) so a new installation has something to look at. Optionally many synthetic clinics for load tests.
///
/// `install_demo` (what `mamori demo` and `serve --demo` run) also creates the demo personas: ready users
/// with public passwords, one per kind of person, and realistic checklists, and marks the database as a demo
/// database. Two-factor authentication is waived only for persona users of a marked database
/// (docs/adr/0010-demo-personas.md). A database that is not a demo database and holds any user is refused,
/// unchanged.
///
///     auto loaded = load_demo(db, {.synthetic_institutions = 0});      // organisations only (tests)
///     auto demo = install_demo(db, catalog, {});                       // organisations, personas, content
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// DemoOptions: how much to load.
struct DemoOptions {
    std::size_t synthetic_institutions = 0;  // extra generated clinics, for load tests and benchmarks
    // statistics_sample: install_demo adds the synthetic national sample that gives statistics numbers
    // (services/demo_statistics.hpp); off for tests that count national figures of their own.
    bool statistics_sample = true;
};

// DemoResult: whether anything was loaded and how many organisations there are afterwards.
struct DemoResult {
    bool loaded = false;  // false: the database already had organisations, nothing was touched
    std::size_t organisations = 0;
};

// load_demo: loads the demo organisations (no users) if the database has no organisations yet.
Result<DemoResult> load_demo(store::Database& db, const DemoOptions& options);

// DemoPersona: a ready demo user as the console and the login page list it.
struct DemoPersona {
    std::string login;
    std::string password;
    std::string display_name;
    std::string role;  // the role code, e.g. "security_manager"
    std::string organisation_name;
    std::string organisation_kind;
};

// DemoInstallation: what install_demo did.
struct DemoInstallation {
    bool organisations_loaded = false;  // false: the demo organisations were there already
    int personas_created = 0;           // 0: every persona existed already
    std::size_t organisations = 0;      // how many organisations there are afterwards
    std::vector<DemoPersona> personas;
};

// install_demo: makes the database a demo database: the demo organisations (when it has none), the
// persona users that are missing, the demo marker and the personas' checklists. Refuses (conflict, nothing
// changed) when a database that is not a demo database yet holds a user, or organisations that are not the
// demo set.
// An older demo database (the demo organisations without users) is upgraded in place.
Result<DemoInstallation> install_demo(store::Database& db, CatalogService& catalog,
                                      const DemoOptions& options);

// demo_personas: the personas of a demo database, or nullopt when the database is not one.
Result<std::optional<std::vector<DemoPersona>>> demo_personas(store::Database& db);

// demo_mfa_waived: the user is a demo persona and the database is a demo database (both must hold).
bool demo_mfa_waived(soci::session& sql, std::int64_t user_id);

}  // namespace mamori::services
