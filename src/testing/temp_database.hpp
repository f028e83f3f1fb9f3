// For unit tests: a migrated database removed afterwards — a SQLite file in a fresh temporary directory, or
// with MAMORI_TEST_DATABASE=postgres a fresh database in a private PostgreSQL cluster
// (tests/support/test_database.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "mamori/store/database.hpp"
#include "mamori/store/migrations.hpp"
#include "support/postgres_cluster.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {

class TempDatabase {
  public:
    // Schema: whether the embedded migrations are applied (empty: for tests of migrations themselves).
    enum class Schema { migrated, empty };

    explicit TempDatabase(std::size_t pool_size = 2, Schema schema = Schema::migrated)
        : dir_(std::filesystem::temp_directory_path() /
               ("mamori-test-" + std::to_string(std::random_device{}()))) {
        std::filesystem::create_directories(dir_);
        store::DatabaseUrl url{store::Dialect::sqlite, (dir_ / "t.db").string()};
        if (testing_postgres()) {
            postgres_ = std::make_unique<FreshDatabase>(postgres_server_url());
            url = {store::Dialect::postgresql, postgres_->url()};
        }
        auto opened = store::Database::open(url, pool_size);
        if (!opened) throw std::runtime_error("cannot open the test database: " + opened.error().message);
        db_ = std::move(*opened);
        if (schema == Schema::migrated && !store::migrate(*db_, *store::embedded_migrations(url.dialect)))
            throw std::runtime_error("migration failed");
    }
    ~TempDatabase() {
        db_.reset();
        postgres_.reset();
        std::filesystem::remove_all(dir_);
    }
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    store::Database& db() { return *db_; }

  private:
    std::filesystem::path dir_;
    std::unique_ptr<FreshDatabase> postgres_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace mamori::testing
