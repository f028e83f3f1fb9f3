#include "mamori/backup/restore_backup.hpp"

#include <fmt/format.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fstream>
#include <sstream>

#include "mamori/audit/audit_log.hpp"
#include "mamori/backup/durable_files.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/database.hpp"
#include "mamori/store/migrations.hpp"
#include "mamori/store/sqlite_checks.hpp"

namespace mamori::backup {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxManifestBytes = std::uintmax_t{1024} * 1024;

bool path_exists(const fs::path& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

fs::path with_suffix(fs::path path, std::string_view suffix) {
    path += suffix;
    return path;
}

Result<BackupManifest> read_manifest(const fs::path& backup_file) {
    const auto path = manifest_path(backup_file);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        return fail(
            ErrorCode::not_found,
            fmt::format("{} has no readable manifest {} ({}); without it the backup cannot be checked, "
                        "so it is not restored",
                        backup_file.string(), path.string(), ec.message()),
            path.string());
    if (size > kMaxManifestBytes)
        return fail(ErrorCode::too_large,
                    fmt::format("{} is {} bytes, too large for a manifest", path.string(), size),
                    path.string());
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return parse_manifest(text.str(), path.string());
}

// target_row_counts: the rows per table of the existing database at `path` (whose WAL, if any, is first
// folded into the main file, so moving the file moves every committed row).
Result<RowCounts> target_row_counts(const fs::path& path, bool checkpoint) {
    try {
        soci::session sql(soci::sqlite3, fmt::format("db=\"{}\" timeout=5", path.string()));
        if (checkpoint) sql << "PRAGMA wal_checkpoint(TRUNCATE)";
        return store::table_row_counts(sql, path.string());
    } catch (const std::exception& e) {
        return fail(ErrorCode::invalid_input,
                    fmt::format("cannot read the existing database {}: {}", path.string(), e.what()),
                    path.string());
    }
}

// refuse_target_in_use: conflict when another process has the database open (a running server holds a
// shared lock on it in WAL mode), probed by asking for an exclusive lock for a moment.
Status refuse_target_in_use(const fs::path& path) {
    if (!path_exists(path)) return {};
    try {
        soci::session sql(soci::sqlite3, fmt::format("db=\"{}\" timeout=1", path.string()));
        sql << "PRAGMA locking_mode=EXCLUSIVE";
        sql << "BEGIN EXCLUSIVE";
        sql << "ROLLBACK";
        return {};
    } catch (const std::exception& e) {
        if (std::string_view(e.what()).find("locked") == std::string_view::npos)
            return fail(ErrorCode::invalid_input,
                        fmt::format("cannot open the existing database {}: {}", path.string(), e.what()),
                        path.string());
        return fail(ErrorCode::conflict,
                    fmt::format("{} is in use by another process (is mamori serve running?); stop it before "
                                "restoring. Nothing was changed",
                                path.string()),
                    path.string());
    }
}

// refuse_target_with_data: conflict when the target holds data and `force` is off.
Status refuse_target_with_data(const RestoreRequest& request) {
    if (!path_exists(request.database) || request.force) return {};
    auto counts = target_row_counts(request.database, false);
    if (!counts) return fail(counts.error());
    const auto holding = tables_holding_data(*counts);
    if (holding.empty()) return {};
    return fail(ErrorCode::conflict,
                fmt::format("{} already holds data ({}); nothing was changed. Pass --force to move it aside "
                            "and restore",
                            request.database.string(), fmt::join(holding, ", ")),
                request.database.string());
}

// verify_copy: every check on the restored copy, opened as mamori opens a database.
Result<std::int64_t> verify_copy(const fs::path& copy, const BackupManifest& manifest, std::string_view where,
                                 int newest) {
    auto db = store::Database::open({store::Dialect::sqlite, copy.string()}, 1);
    if (!db) return fail(db.error());
    {
        auto lease = (*db)->acquire();
        if (auto ok = store::integrity_check(*lease, where); !ok) return fail(ok.error());
        if (auto ok = store::foreign_key_check(*lease, where); !ok) return fail(ok.error());
        auto version = store::recorded_schema_version(*lease, where);
        if (!version) return fail(version.error());
        if (*version > newest)
            return fail(
                ErrorCode::conflict,
                fmt::format("{} has schema version {}, newer than this mamori binary knows ({}); restore "
                            "it with the mamori version that wrote it ({}) or a newer one",
                            where, *version, newest, manifest.mamori_version),
                std::string(where));
        if (*version != manifest.schema_version)
            return fail(ErrorCode::invalid_input,
                        fmt::format("{} has schema version {} but its manifest says {}", where, *version,
                                    manifest.schema_version),
                        std::string(where));
    }
    auto counts = [&] {
        auto lease = (*db)->acquire();
        return store::table_row_counts(*lease, where);
    }();
    if (!counts) return fail(counts.error());
    if (const auto diffs = row_count_differences(manifest.row_counts, *counts); !diffs.empty())
        return fail(
            ErrorCode::invalid_input,
            fmt::format("{} does not hold the rows its manifest lists: {}", where, fmt::join(diffs, "; ")),
            std::string(where));
    std::int64_t audit_rows = 0;
    if (counts->contains("audit_log")) {  // schemas before migration 0004 have no audit log
        auto chain = audit::verify(**db);
        if (!chain) return fail(chain.error());
        if (!chain->intact)
            return fail(
                ErrorCode::invalid_input,
                fmt::format("the audit log in {} is broken: {}; it is not restored", where, chain->problem),
                std::string(where));
        audit_rows = chain->rows;
    }
    try {
        auto lease = (*db)->acquire();
        *lease << "PRAGMA wal_checkpoint(TRUNCATE)";
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot checkpoint {}: {}", copy.string(), e.what()));
    }
    return audit_rows;
}

// move_aside: renames the database and its -wal/-shm to "<path>.before-restore-<time>…"; never deletes.
Result<fs::path> move_aside(const fs::path& database) {
    if (auto counts = target_row_counts(database, true); !counts) return fail(counts.error());
    std::string stamp = to_iso_utc(std::chrono::system_clock::now());
    std::erase_if(stamp, [](char c) { return c == ':' || c == '-'; });
    const auto aside = with_suffix(database, ".before-restore-" + stamp);
    for (const char* suffix : {"-wal", "-shm", ""}) {
        const auto from = with_suffix(database, suffix);
        if (!path_exists(from)) continue;
        if (auto ok = rename_durably(from, with_suffix(aside, suffix)); !ok) return fail(ok.error());
    }
    return aside;
}

}  // namespace

Result<RestoreReport> restore_backup(const RestoreRequest& request) {
    std::error_code same_ec;
    if (fs::equivalent(request.from, request.database, same_ec))
        return fail(ErrorCode::invalid_input,
                    fmt::format("the backup {} is the database itself; restore into another path",
                                request.from.string()),
                    request.from.string());
    auto manifest = read_manifest(request.from);
    if (!manifest) return fail(manifest.error());
    if (auto ok = refuse_target_in_use(request.database); !ok) return fail(ok.error());
    if (auto ok = refuse_target_with_data(request); !ok) return fail(ok.error());
    auto migrations = store::embedded_migrations(store::Dialect::sqlite);
    if (!migrations) return fail(migrations.error());
    RestoreReport report;
    report.newest_known_version = migrations->empty() ? 0 : migrations->back().version;

    std::error_code ec;
    const auto directory = request.database.parent_path();
    if (!directory.empty()) fs::create_directories(directory, ec);
    TemporaryFile copy(temporary_beside(request.database));
    // Hash the bytes as they are copied, so what is checked is exactly what gets restored.
    auto digest = copy_file_durably(request.from, copy.path());
    if (!digest) return fail(digest.error());
    if (auto ok = check_digest(*manifest, *digest, request.from.string()); !ok) return fail(ok.error());
    auto audit_rows = verify_copy(copy.path(), *manifest, fmt::format("the backup {}", request.from.string()),
                                  report.newest_known_version);
    if (!audit_rows) return fail(audit_rows.error());
    report.audit_rows = *audit_rows;

    if (path_exists(request.database)) {
        auto aside = move_aside(request.database);
        if (!aside) return fail(aside.error());
        report.moved_aside = *aside;
    }
    if (auto ok = sync_file(copy.path()); !ok) return fail(ok.error());
    if (auto ok = rename_durably(copy.path(), request.database); !ok) return fail(ok.error());
    copy.release();
    report.manifest = std::move(*manifest);
    return report;
}

}  // namespace mamori::backup
