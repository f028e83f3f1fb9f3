#include "support/test_database_access.hpp"

#include <stdexcept>

#include "mamori/store/migrations.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {

DatabaseSession::DatabaseSession(const std::filesystem::path& path) {
    auto url = store::parse_database_url(database_url(path));
    if (!url) throw std::runtime_error(url.error().message);
    auto opened = store::Database::open(*url, 1);
    if (!opened) throw std::runtime_error(opened.error().message);
    database_ = std::move(*opened);
    lease_.emplace(database_->acquire());
}

int create_older_sqlite_database(const std::filesystem::path& file) {
    auto migrations = store::embedded_migrations(store::Dialect::sqlite);
    if (!migrations || migrations->size() < 2) throw std::runtime_error("fewer than two embedded migrations");
    auto older = store::Database::open({store::Dialect::sqlite, file.string()}, 1);
    if (!older) throw std::runtime_error(older.error().message);
    if (!store::migrate(**older, std::span(*migrations).first(migrations->size() - 1)))
        throw std::runtime_error("cannot migrate " + file.string());
    return migrations->back().version;
}

}  // namespace mamori::testing
