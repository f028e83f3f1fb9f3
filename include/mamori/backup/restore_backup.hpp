/// @file
/// @brief `mamori restore`: puts a backup back as the SQLite database, only after it proved sound. The
/// backup is copied next to the target while its size and SHA-256 are compared with its manifest; the copy
/// must pass PRAGMA integrity_check and foreign_key_check, have a schema this binary knows, an intact audit
/// chain (audit::verify) and exactly the manifest's row counts. Only then is it renamed into place. A target
/// that already holds data is refused unless `force`, and even then moved aside, never deleted.
///
///     auto r = restore_backup({.from = "/backups/mamori-1.db", .database = "/var/lib/mamori/mamori.db"});
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "mamori/backup/manifest.hpp"
#include "mamori/core/error.hpp"

namespace mamori::backup {

// RestoreRequest: which backup into which database file. The server must be stopped.
struct RestoreRequest {
    std::filesystem::path from;
    std::filesystem::path database;
    bool force = false;
};

// RestoreReport: what was checked and where the previous database went.
struct RestoreReport {
    BackupManifest manifest;
    int newest_known_version = 0;  // of this binary; above manifest.schema_version means `migrate` is due
    std::int64_t audit_rows = 0;
    std::optional<std::filesystem::path> moved_aside;  // the previous database file, when there was one
};

// restore_backup: verifies, then restores. Each refusal names the file and what is wrong (size, hash,
// integrity, foreign keys, schema version, audit row, row counts, a target holding data).
Result<RestoreReport> restore_backup(const RestoreRequest& request);

}  // namespace mamori::backup
