#include "mamori/store/database.hpp"

#include <fmt/format.h>
#include <poll.h>

#include <filesystem>

#include "mamori/core/log.hpp"
#include "mamori/store/native_handles.hpp"

namespace mamori::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kStatementTimeoutMs = 30000;
// kWalBackstopPages: a commit that leaves the WAL this long (about 40 MiB) copies it into the database file
// itself. The server's own thread does so long before (checkpoint_wal); this bounds the WAL when nobody does
// (a command run alone checkpoints when it closes).
constexpr int kWalBackstopPages = 10000;
// kWalFileLimitBytes: once checkpointed, a WAL file that a large transaction grew past this is cut back to it.
constexpr long long kWalFileLimitBytes = 40LL * 1024 * 1024;

// SQLite's memory statistics are counters behind one process-wide mutex that every allocation takes; the
// server never reads them, and profiling the request path showed the lock. Only possible before SQLite
// initialises (the first connection), hence once per process; later calls would be refused and are not made.
void disable_sqlite_memory_statistics() {
    static const bool once = [] {
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)once;
}

void configure_sqlite(soci::session& sql) {
    // WAL lets readers run beside the one writer; NORMAL sync in WAL mode is crash-safe (a power cut may
    // lose the last transactions, never corrupt the file).
    std::string mode;
    sql << "PRAGMA journal_mode=WAL", soci::into(mode);
    if (mode != "wal") throw std::runtime_error("SQLite refused WAL mode (journal_mode=" + mode + ")");
    sql << "PRAGMA synchronous=NORMAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << fmt::format("PRAGMA busy_timeout={}", kBusyTimeoutMs);
    // 32 MiB of pages per connection (SQLite's default is 2 MiB): a match or a feed delta walks indexes of
    // millions of findings, and pages read through the kernel on every miss cost more than the matching itself.
    sql << "PRAGMA cache_size=-32768";
    sql << fmt::format("PRAGMA wal_autocheckpoint={}", kWalBackstopPages);
    sql << fmt::format("PRAGMA journal_size_limit={}", kWalFileLimitBytes);
}

// configure_postgresql: timestamps are text we write ourselves, but now() and logs should agree on UTC; a
// statement that runs longer than the timeout is cancelled rather than holding a pooled connection for ever.
// A URL that sets statement_timeout itself (…?options=-c%20statement_timeout%3D5s) keeps its own value. A
// read-only database refuses writes in every transaction.
void configure_postgresql(soci::session& sql, const std::string& target, Access access) {
    sql << "SET TIME ZONE 'UTC'";
    if (target.find("statement_timeout") == std::string::npos)
        sql << fmt::format("SET statement_timeout = {}", kStatementTimeoutMs);
    if (access == Access::read_only) sql << "SET default_transaction_read_only = on";
}

// libpq_keywords: a libpq URI as "key='value' …", the form SOCI passes through unchanged (SOCI 4.0 splits
// its connection string on '=' to find its own options, which breaks URIs).
std::string libpq_keywords(const std::string& uri) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
    if (options == nullptr) {
        std::string message = error != nullptr ? error : "out of memory";
        PQfreemem(error);
        while (!message.empty() && message.back() == '\n') message.pop_back();
        throw std::runtime_error("invalid PostgreSQL URL: " + message);
    }
    std::string out;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        if (o->val == nullptr) continue;
        std::string value;
        for (const char* c = o->val; *c != '\0'; ++c) {
            if (*c == '\'' || *c == '\\') value.push_back('\\');
            value.push_back(*c);
        }
        out += fmt::format("{}{}='{}'", out.empty() ? "" : " ", o->keyword, value);
    }
    PQconninfoFree(options);
    return out;
}

// postgresql_connection_lost: whether this idle connection is unusable. A server that shuts down or
// terminates a backend sends an error and closes the socket; an idle connection has nothing else to read
// (we use no LISTEN), so a readable socket means the connection is gone or in doubt and is replaced.
// One non-blocking poll, no round trip.
bool postgresql_connection_lost(soci::session& sql) {
    PGconn* conn = postgresql_handle(sql);
    if (PQstatus(conn) == CONNECTION_BAD) return true;
    pollfd socket{PQsocket(conn), POLLIN, 0};
    return poll(&socket, 1, 0) != 0;
}

}  // namespace

std::string redacted(const DatabaseUrl& url) {
    if (url.dialect == Dialect::sqlite) return "sqlite:" + url.target;
    // postgresql://user:secret@host/db?password=secret → postgresql://user:***@host/db?password=***
    std::string out = url.target;
    const auto scheme_end = out.find("://") + 3;
    const auto at = out.find('@', scheme_end);
    const auto colon = out.find(':', scheme_end);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
        out = out.substr(0, colon + 1) + "***" + out.substr(at);
    for (auto query = out.find('?'); query != std::string::npos;) {
        const auto value = out.find('=', query) + 1;
        const auto end = out.find('&', query + 1);
        if (value != 0 && value < end && out.compare(query + 1, value - query - 1, "password=") == 0)
            out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
        query = out.find('&', query + 1);
    }
    return out;
}

std::string_view to_string(Dialect dialect) {
    return dialect == Dialect::sqlite ? "sqlite" : "postgresql";
}

Result<DatabaseUrl> parse_database_url(std::string_view url) {
    if (url.rfind("sqlite:", 0) == 0) {
        std::string path(url.substr(7));
        if (path.rfind("//", 0) == 0) path.erase(0, 2);
        if (path.empty())
            return fail(ErrorCode::invalid_input, "the SQLite URL has no file path", "database");
        return DatabaseUrl{Dialect::sqlite, path};
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        const auto rest = url.substr(url.find("://") + 3);
        if (rest.empty() || rest.front() == '?')
            return fail(
                ErrorCode::invalid_input,
                "the PostgreSQL URL names no server: expected postgresql://USER:PASSWORD@HOST:PORT/DB",
                "database");
        return DatabaseUrl{Dialect::postgresql, std::string(url)};
    }
    // Only the scheme is repeated: the rest of a mistyped URL may hold a password.
    return fail(ErrorCode::invalid_input,
                fmt::format("unsupported database URL scheme '{}': expected sqlite:PATH or postgresql://…",
                            url.substr(0, url.find(':'))),
                "database");
}

Database::Database(DatabaseUrl url, std::size_t pool_size, Access access)
    : url_(std::move(url)),
      access_(access),
      pool_size_(pool_size),
      pool_(pool_size),
      statements_(pool_size) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url, std::size_t pool_size,
                                                 Access access) {
    if (pool_size == 0) pool_size = 1;
    const bool read_only = access == Access::read_only;
    if (read_only && url.dialect == Dialect::sqlite && !std::filesystem::is_regular_file(url.target))
        return fail(ErrorCode::not_found, fmt::format("cannot open database {}: no such file", url.target),
                    "database");
    std::unique_ptr<Database> db(new Database(url, pool_size, access));
    if (url.dialect == Dialect::sqlite) disable_sqlite_memory_statistics();
    try {
        if (url.dialect == Dialect::sqlite && !read_only) {
            const auto parent = std::filesystem::path(url.target).parent_path();
            if (!parent.empty()) std::filesystem::create_directories(parent);
        }
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& sql = db->pool_.at(i);
            if (url.dialect == Dialect::sqlite && read_only) {
                sql.open(soci::sqlite3,
                         fmt::format("db=\"{}\" timeout=5 shared_cache=false readonly=true", url.target));
                sql << fmt::format("PRAGMA busy_timeout={}", kBusyTimeoutMs);
            } else if (url.dialect == Dialect::sqlite) {
                sql.open(soci::sqlite3, fmt::format("db=\"{}\" timeout=5 shared_cache=false", url.target));
                configure_sqlite(sql);
            } else {
                sql.open(soci::postgresql, libpq_keywords(url.target));
                configure_postgresql(sql, url.target, access);
            }
        }
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable,
                    fmt::format("cannot open database {}: {}", redacted(url), e.what()), "database");
    }
    return db;
}

Database::Lease::Lease(Database& db, std::size_t slot) : db_(&db), slot_(slot) {
    bind_cache(db.pool_.at(slot), db.statements_.at(slot));
}

Database::Lease::~Lease() {
    if (db_ == nullptr) return;
    unbind_cache(db_->pool_.at(slot_));
    db_->pool_.give_back(slot_);
}

soci::session& Database::Lease::operator*() const {
    return db_->pool_.at(slot_);
}

Database::Lease Database::acquire() {
    Lease lease(*this, pool_.lease());
    if (url_.dialect == Dialect::postgresql && postgresql_connection_lost(*lease)) reconnect(*lease);
    return lease;
}

void Database::reconnect(soci::session& sql) {
    log_event(spdlog::level::warn, "database connection lost; reconnecting", {{"database", redacted(url_)}});
    // Prepared statements live on the server side of the connection: gone with it, and their names may be
    // given out again on the new one.
    for (std::size_t i = 0; i < pool_size_; ++i)
        if (&pool_.at(i) == &sql) statements_[i].clear();
    sql.reconnect();
    configure_postgresql(sql, url_.target, access_);
}

Status Database::ping() {
    try {
        auto lease = acquire();
        int one = 0;
        *lease << "SELECT 1", soci::into(one);
        if (one != 1) return fail(ErrorCode::unavailable, "the database answered SELECT 1 wrongly");
        return {};
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("the database is not reachable: {}", e.what()));
    }
}

Result<WalCheckpoint> Database::checkpoint_wal() {
    if (dialect() != Dialect::sqlite) return WalCheckpoint{};
    try {
        auto lease = acquire();
        int busy = 0;
        WalCheckpoint done;
        *lease << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(done.frames),
            soci::into(done.copied);
        return done;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("the WAL checkpoint failed: {}", e.what()));
    }
}

void Database::execute_script(soci::session& sql, std::string_view script) const {
    if (url_.dialect == Dialect::sqlite) {
        char* message = nullptr;
        const std::string text(script);
        if (sqlite_api::sqlite3_exec(sqlite_handle(sql), text.c_str(), nullptr, nullptr, &message) !=
            SQLITE_OK) {
            std::string error = message != nullptr ? message : "unknown error";
            sqlite_api::sqlite3_free(message);
            throw std::runtime_error(error);
        }
        return;
    }
    // PQexec runs several statements in one call (the prepared path SOCI takes allows only one), and leaves
    // `$$` bodies and `::` casts alone.
    PGconn* conn = postgresql_handle(sql);
    const std::string text(script);
    PGresult* result = PQexec(conn, text.c_str());
    const auto status = PQresultStatus(result);
    const std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(error);
}

void Database::begin(soci::session& sql) {
    if (url_.dialect == Dialect::sqlite) {
        sql << "BEGIN IMMEDIATE";
        return;
    }
    try {
        sql << "BEGIN";
    } catch (const std::exception&) {
        if (PQstatus(postgresql_handle(sql)) != CONNECTION_BAD) throw;
        reconnect(sql);
        sql << "BEGIN";
    }
}

void Database::begin_snapshot(soci::session& sql) const {
    sql << (url_.dialect == Dialect::sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

void Database::commit(soci::session& sql) const {
    sql << "COMMIT";
}

void Database::rollback(soci::session& sql) const {
    try {
        sql << "ROLLBACK";
    } catch (const std::exception& e) {
        log_event(spdlog::level::warn, "rollback failed", {{"error", e.what()}});
    }
}

}  // namespace mamori::store
