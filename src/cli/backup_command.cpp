// `mamori backup --to FILE` and `mamori restore --from FILE`: the SQLite database of a single-binary install,
// copied while the server runs and put back only after the copy proved sound (src/backup/).
#include <fmt/format.h>

#include <iostream>

#include "mamori/backup/create_backup.hpp"
#include "mamori/backup/restore_backup.hpp"
#include "settings.hpp"

namespace mamori::cli {

namespace {

// sqlite_path: the file behind --database; backups are of SQLite files only.
Result<std::string> sqlite_path(const CommonSettings& common, std::string_view command) {
    auto url = store::parse_database_url(common.database_url());
    if (!url) return fail(url.error());
    if (url->dialect != store::Dialect::sqlite)
        return fail(ErrorCode::invalid_input,
                    fmt::format("'mamori {}' works on SQLite databases (sqlite:PATH) only", command),
                    "database");
    return url->target;
}

std::int64_t total_rows(const backup::RowCounts& counts) {
    std::int64_t total = 0;
    for (const auto& [table, rows] : counts) total += rows;
    return total;
}

}  // namespace

int backup_command(const CommonSettings& common, const BackupOptions& options) {
    auto database = sqlite_path(common, "backup");
    if (!database) return report_errors(database.error(), "backup refused");
    auto manifest = backup::create_backup({*database, options.to, options.force});
    if (!manifest) return report_errors(manifest.error(), "backup failed");
    std::cout << fmt::format(
        "backup written: {} ({} bytes, sha256 {}, schema version {}, {} rows in {} tables; integrity ok)\n"
        "manifest: {}\n",
        options.to, manifest->bytes, manifest->sha256, manifest->schema_version,
        total_rows(manifest->row_counts), manifest->row_counts.size(),
        backup::manifest_path(options.to).string());
    return 0;
}

int restore_command(const CommonSettings& common, const RestoreOptions& options) {
    auto database = sqlite_path(common, "restore");
    if (!database) return report_errors(database.error(), "restore refused");
    auto restored = backup::restore_backup({options.from, *database, options.force});
    if (!restored) return report_errors(restored.error(), "restore refused");
    const auto& m = restored->manifest;
    std::cout << fmt::format(
        "restored {} (taken {} by mamori {}) into {}\n"
        "checked: size and sha256 match the manifest, integrity ok, foreign keys ok, audit log intact ({} "
        "rows), row counts match the manifest ({} rows in {} tables)\n",
        options.from, m.created_at, m.mamori_version, *database, restored->audit_rows,
        total_rows(m.row_counts), m.row_counts.size());
    if (restored->moved_aside)
        std::cout << fmt::format("the previous database was moved to {}\n", restored->moved_aside->string());
    if (m.schema_version < restored->newest_known_version) {
        if (!options.migrate) {
            std::cout << fmt::format(
                "the schema is at version {}; this binary knows version {}: run 'mamori migrate --database "
                "sqlite:{}' (or start 'mamori serve', which migrates first)\n",
                m.schema_version, restored->newest_known_version, *database);
            return 0;
        }
        CommonSettings target = common;
        target.database = "sqlite:" + *database;
        if (!open_migrated_database(target, 1)) return 1;
        std::cout << fmt::format("migrated from schema version {} to {}\n", m.schema_version,
                                 restored->newest_known_version);
    }
    return 0;
}

}  // namespace mamori::cli
