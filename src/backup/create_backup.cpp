#include "mamori/backup/create_backup.hpp"

#include <fmt/format.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "mamori/backup/durable_files.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/sqlite_checks.hpp"
#include "mamori/store/sqlite_online_copy.hpp"

namespace mamori::backup {

namespace fs = std::filesystem;

namespace {

Status refuse_to_overwrite(const BackupRequest& request) {
    if (request.force) return {};
    for (const auto& path : {request.to, manifest_path(request.to)}) {
        std::error_code ec;
        if (fs::exists(fs::symlink_status(path, ec)))
            return fail(ErrorCode::conflict,
                        fmt::format("{} already exists; choose another file or pass --force to replace it",
                                    path.string()),
                        path.string());
    }
    return {};
}

// describe_copy: checks the fresh copy and reads what the manifest records about its content.
Status describe_copy(const fs::path& copy, std::string_view where, BackupManifest& manifest) {
    try {
        soci::session sql(soci::sqlite3, fmt::format("db=\"{}\" timeout=5", copy.string()));
        if (auto ok = store::integrity_check(sql, where); !ok) return ok;
        auto version = store::recorded_schema_version(sql, where);
        if (!version) return fail(version.error());
        auto counts = store::table_row_counts(sql, where);
        if (!counts) return fail(counts.error());
        manifest.schema_version = *version;
        manifest.row_counts = std::move(*counts);
        return {};
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable,
                    fmt::format("cannot open the copy {}: {}", copy.string(), e.what()), copy.string());
    }
}

}  // namespace

Result<BackupManifest> create_backup(const BackupRequest& request) {
    std::error_code same_ec;
    if (fs::equivalent(request.database, request.to, same_ec))
        return fail(ErrorCode::invalid_input,
                    fmt::format("the backup file {} is the database itself; write the backup elsewhere",
                                request.to.string()),
                    request.to.string());
    if (auto ok = refuse_to_overwrite(request); !ok) return fail(ok.error());
    const auto directory = request.to.parent_path().empty() ? fs::path(".") : request.to.parent_path();
    std::error_code ec;
    if (!fs::is_directory(directory, ec))
        return fail(ErrorCode::invalid_input,
                    fmt::format("the directory {} of the backup file does not exist", directory.string()),
                    request.to.string());

    BackupManifest manifest;
    manifest.database_file = request.to.filename().string();
    manifest.mamori_version = MAMORI_VERSION;
    manifest.source = request.database.string();
    manifest.created_at = to_iso_utc(std::chrono::system_clock::now());

    TemporaryFile copy(temporary_beside(request.to));
    if (auto ok = store::online_copy(request.database, copy.path()); !ok) return fail(ok.error());
    const auto where = fmt::format("the copy of {}", request.database.string());
    if (auto ok = describe_copy(copy.path(), where, manifest); !ok) return fail(ok.error());
    if (auto ok = sync_file(copy.path()); !ok) return fail(ok.error());
    auto digest = digest_file(copy.path());
    if (!digest) return fail(digest.error());
    manifest.bytes = digest->bytes;
    manifest.sha256 = digest->sha256;

    if (auto ok = rename_durably(copy.path(), request.to); !ok) return fail(ok.error());
    copy.release();
    if (auto ok = write_file_durably(manifest_path(request.to), to_json(manifest)); !ok)
        return fail(ok.error());
    return manifest;
}

}  // namespace mamori::backup
