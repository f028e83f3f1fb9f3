#include "mamori/store/sqlite_online_copy.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace mamori::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Connection: one raw sqlite3 handle, closed at scope exit.
class Connection {
  public:
    Connection() = default;
    ~Connection() {
        if (db_ != nullptr) sqlite3_close_v2(db_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Status open(const std::filesystem::path& path, int flags) {
        const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK)
            return fail(ErrorCode::unavailable,
                        fmt::format("cannot open {}: {}", path.string(),
                                    db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)),
                        path.string());
        sqlite3_busy_timeout(db_, kBusyTimeoutMs);
        return {};
    }
    sqlite3* get() const { return db_; }

  private:
    sqlite3* db_ = nullptr;
};

}  // namespace

Status online_copy(const std::filesystem::path& source, const std::filesystem::path& destination) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(source, ec))
        return fail(ErrorCode::not_found, fmt::format("there is no database file at {}", source.string()),
                    source.string());
    Connection from;
    // Read-write without CREATE: a read-only handle cannot always open a WAL database, and a missing file
    // must be an error, never a new empty database.
    if (auto ok = from.open(source, SQLITE_OPEN_READWRITE); !ok) return ok;
    Connection to;
    if (auto ok = to.open(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !ok) return ok;

    sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
    if (backup == nullptr)
        return fail(
            ErrorCode::unavailable,
            fmt::format("cannot start the backup of {}: {}", source.string(), sqlite3_errmsg(to.get())),
            source.string());
    // All pages in one step: one read transaction, hence one consistent snapshot. Copying in smaller steps
    // would restart from the beginning whenever the server writes, and might never finish on a busy server.
    const int step = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE || finished != SQLITE_OK)
        return fail(ErrorCode::unavailable,
                    fmt::format("the backup of {} failed: {}", source.string(),
                                sqlite3_errstr(step != SQLITE_DONE ? step : finished)),
                    source.string());

    // The pages carry the source's WAL flag; switch the copy to a rollback journal so it stays one file.
    char* message = nullptr;
    if (sqlite3_exec(to.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string error = message != nullptr ? message : "unknown error";
        sqlite3_free(message);
        return fail(ErrorCode::unavailable,
                    fmt::format("cannot set the journal mode of {}: {}", destination.string(), error),
                    destination.string());
    }
    return {};
}

}  // namespace mamori::store
