#include "mamori/store/prepared.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <array>

namespace mamori::store {

namespace {

// The sessions leased on this thread: a handful at most (a lease inside a lease), so a small array.
struct Binding {
    soci::session* sql = nullptr;
    StatementCache* cache = nullptr;
};
constexpr std::size_t kMaxBindings = 8;
thread_local std::array<Binding, kMaxBindings> bindings;
thread_local std::size_t binding_count = 0;

}  // namespace

PreparedStatement::PreparedStatement(soci::session& sql, std::type_index types)
    : statement(sql), types(types), sqlite(sql.get_backend_name() == "sqlite3") {}

void PreparedStatement::finish() {
    // A SQLite statement that has not run to its end keeps its read transaction (and so its snapshot of the
    // database) open; later statements on the connection would see that old snapshot.
    if (!sqlite) return;
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
    if (backend->stmt_ == nullptr) return;
    sqlite_api::sqlite3_reset(backend->stmt_);
    backend->databaseReady_ = true;
}

PreparedStatement* StatementCache::find(std::string_view text, std::type_index types) const {
    const auto it = entries_.find(text);
    return it != entries_.end() && it->second->types == types ? it->second.get() : nullptr;
}

PreparedStatement* StatementCache::keep(std::string_view text,
                                        std::unique_ptr<PreparedStatement>& statement) {
    if (entries_.size() >= kStatementCacheSize || entries_.contains(text)) return statement.get();
    return entries_.emplace(std::string(text), std::move(statement)).first->second.get();
}

void bind_cache(soci::session& sql, StatementCache& cache) {
    if (binding_count < kMaxBindings) bindings[binding_count++] = {&sql, &cache};
}

void unbind_cache(soci::session& sql) {
    for (std::size_t i = 0; i < binding_count; ++i) {
        if (bindings[i].sql == &sql) {
            bindings[i] = bindings[--binding_count];
            return;
        }
    }
}

StatementCache* cache_for(soci::session& sql) {
    for (std::size_t i = 0; i < binding_count; ++i)
        if (bindings[i].sql == &sql) return bindings[i].cache;
    return nullptr;
}

namespace detail {

Lease::~Lease() {
    if (statement_ == nullptr) return;
    statement_->finish();
    statement_->in_use = false;
}

}  // namespace detail

}  // namespace mamori::store
