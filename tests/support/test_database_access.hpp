// Direct access to a test's database, whichever backend the tests run on (support/test_database.hpp), for
// tests that seed rows or check what the server wrote. Opens the same URL the server is given.
//
//     DatabaseSession direct(dir.path() / "x.db");
//     *direct << "SELECT COUNT(*) FROM organisations", soci::into(n);
#pragma once

#include <soci/soci.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "mamori/store/database.hpp"

namespace mamori::testing {

class DatabaseSession {
  public:
    // Throws std::runtime_error when the database cannot be opened.
    explicit DatabaseSession(const std::filesystem::path& path);
    DatabaseSession(const DatabaseSession&) = delete;
    DatabaseSession& operator=(const DatabaseSession&) = delete;

    soci::session& operator*() { return **lease_; }
    soci::session* operator->() { return &**lease_; }
    store::Dialect dialect() const { return database_->dialect(); }

  private:
    std::unique_ptr<store::Database> database_;
    std::optional<store::Database::Lease> lease_;
};

// create_older_sqlite_database: a SQLite file migrated to one version below this binary's newest, as an
// older mamori left it; returns the newest version. Throws std::runtime_error on failure.
int create_older_sqlite_database(const std::filesystem::path& file);

}  // namespace mamori::testing
