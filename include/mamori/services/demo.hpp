/// @file
/// @brief Demo data: a small, plainly fictional set of organisations (the ministry, a prefecture, a health
/// centre, a hospital, a clinic, a dental clinic, a pharmacy, a vendor, and a second prefecture with a
/// clinic) so a new installation has something to look at. Optionally many synthetic clinics for load tests.
/// Loaded only into an empty database, in one transaction: all or nothing.
///
///     auto loaded = load_demo(db, {.synthetic_institutions = 0});
#pragma once

#include <cstddef>

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// DemoOptions: how much to load.
struct DemoOptions {
    std::size_t synthetic_institutions = 0;  // extra generated clinics, for load tests and benchmarks
};

// DemoResult: whether anything was loaded and how many organisations there are afterwards.
struct DemoResult {
    bool loaded = false;  // false: the database already had organisations, nothing was touched
    std::size_t organisations = 0;
};

// load_demo: loads the demo set if the database has no organisations yet.
Result<DemoResult> load_demo(store::Database& db, const DemoOptions& options);

}  // namespace mamori::services
