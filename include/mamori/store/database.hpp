/// @file
/// @brief The database handle every repository works through: a pool of SOCI sessions over SQLite (WAL,
/// foreign keys on, busy timeout) or PostgreSQL, chosen by URL, and transactions that commit or roll back
/// as a whole.
///
///     auto db = Database::open(*parse_database_url("sqlite:/var/lib/mamori/mamori.db"), 4);
///     auto n = (*db)->transaction([](soci::session& sql) -> Result<int> { ... });
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/store/prepared.hpp"

namespace mamori::store {

// Dialect: which SQL engine a database speaks; migrations are written per dialect.
enum class Dialect { sqlite, postgresql };

// to_string: Dialect::sqlite → "sqlite" (also the migrations folder name).
std::string_view to_string(Dialect dialect);

// DatabaseUrl: a parsed `--database` value.
struct DatabaseUrl {
    Dialect dialect = Dialect::sqlite;
    std::string target;  // file path for SQLite; libpq connection URI for PostgreSQL
};

// parse_database_url: "sqlite:PATH", or a libpq URI "postgresql://USER:PASSWORD@HOST:PORT/DB?…" (also
// "postgres://…").
Result<DatabaseUrl> parse_database_url(std::string_view url);

// redacted: the URL as typed, for messages and logs, with any password (user:PASSWORD@ or ?password=)
// replaced by "***".
std::string redacted(const DatabaseUrl& url);

// Access: read_only opens an existing database without ever writing to it (SQLite: no file is created and
// the journal mode is left as it is; PostgreSQL: every transaction is READ ONLY), for copying from it.
enum class Access { read_write, read_only };

// WalCheckpoint: what one SQLite checkpoint found in the WAL and copied into the database file (frames are
// pages written by commits; -1 when the database is not in WAL mode).
struct WalCheckpoint {
    int frames = 0;
    int copied = 0;
};

// Database: thread-safe; each call leases one pooled session.
class Database {
  public:
    // Lease: exclusive use of one pooled session until destroyed, with its prepared statements (see
    // prepared.hpp); ends on the thread that took it.
    class Lease {
      public:
        Lease(Database& db, std::size_t slot);
        Lease(Lease&& other) noexcept : db_(other.db_), slot_(other.slot_) { other.db_ = nullptr; }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        soci::session& operator*() const;
        soci::session* operator->() const { return &**this; }

      private:
        Database* db_;
        std::size_t slot_;
    };

    // open: connects `pool_size` sessions and applies the per-connection settings.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url, std::size_t pool_size,
                                                  Access access = Access::read_write);
    ~Database();

    Dialect dialect() const { return url_.dialect; }
    const DatabaseUrl& url() const { return url_; }

    // acquire: leases a session, waiting for one to be free. A PostgreSQL session the server has closed
    // (restart, failover, terminated backend) is reconnected before it is handed out.
    Lease acquire();

    // ping: a trivial query, for /readyz.
    Status ping();

    // checkpoint_wal: SQLite: copies the pages that commits wrote to the WAL into the database file, without
    // waiting for readers or blocking writers (a passive checkpoint); the server calls it from a thread of
    // its own so that no request pays for it in its commit. PostgreSQL checkpoints by itself: nothing to do.
    Result<WalCheckpoint> checkpoint_wal();
    // execute_script: runs several `;`-separated statements (a migration file) on `sql`.
    void execute_script(soci::session& sql, std::string_view script) const;

    // transaction: runs `work(session)` inside one transaction (SQLite: BEGIN IMMEDIATE, so writers queue
    // instead of failing on lock upgrade; PostgreSQL: READ COMMITTED, so writes that depend on what they
    // read must be conditional — UPDATE … WHERE version = :expected, INSERT … ON CONFLICT DO NOTHING — and
    // check the rows they changed). Commits when `work` returns a value; rolls back when it returns an
    // error or throws (the exception propagates). The only retry is of a BEGIN that failed because the
    // connection was lost: nothing has been done yet, so reconnecting and beginning again is safe. Work
    // that fails later is never repeated (the caller may have acted on what it read).
    template <typename Work>
    auto transaction(Work&& work) -> std::invoke_result_t<Work, soci::session&> {
        auto lease = acquire();
        begin(*lease);
        try {
            auto result = work(*lease);
            if (result) {
                commit(*lease);
            } else {
                rollback(*lease);
            }
            return result;
        } catch (...) {
            rollback(*lease);
            throw;
        }
    }

    // snapshot: runs `work(session)` inside one read transaction that sees a single consistent state of the
    // database while others write (SQLite WAL: a deferred BEGIN; PostgreSQL: REPEATABLE READ READ ONLY),
    // then rolls it back: a snapshot writes nothing. Returns what `work` returns; exceptions propagate.
    template <typename Work>
    auto snapshot(Work&& work) -> std::invoke_result_t<Work, soci::session&> {
        auto lease = acquire();
        begin_snapshot(*lease);
        try {
            auto result = work(*lease);
            rollback(*lease);
            return result;
        } catch (...) {
            rollback(*lease);
            throw;
        }
    }

  private:
    Database(DatabaseUrl url, std::size_t pool_size, Access access);
    void begin(soci::session& sql);
    void reconnect(soci::session& sql);
    void begin_snapshot(soci::session& sql) const;
    void commit(soci::session& sql) const;
    void rollback(soci::session& sql) const;

    DatabaseUrl url_;
    Access access_;
    std::size_t pool_size_;
    soci::connection_pool pool_;
    // One per pooled session, same index; destroyed before the sessions (declared after them).
    std::vector<StatementCache> statements_;
};

}  // namespace mamori::store
