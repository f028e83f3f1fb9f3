#include "support/test_database_access.hpp"

#include <stdexcept>

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

}  // namespace mamori::testing
