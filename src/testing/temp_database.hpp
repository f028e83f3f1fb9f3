// For unit tests: a migrated SQLite database in a fresh temporary directory, removed afterwards.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "mamori/store/database.hpp"
#include "mamori/store/migrations.hpp"

namespace mamori::testing {

class TempDatabase {
  public:
    explicit TempDatabase(std::size_t pool_size = 2)
        : dir_(std::filesystem::temp_directory_path() / ("mamori-test-" + std::to_string(std::random_device{}()))) {
        std::filesystem::create_directories(dir_);
        db_ = std::move(*store::Database::open({store::Dialect::sqlite, (dir_ / "t.db").string()}, pool_size));
        if (!store::migrate(*db_, *store::embedded_migrations(store::Dialect::sqlite)))
            throw std::runtime_error("migration failed");
    }
    ~TempDatabase() {
        db_.reset();
        std::filesystem::remove_all(dir_);
    }
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    store::Database& db() { return *db_; }

  private:
    std::filesystem::path dir_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace mamori::testing
