/// @file
/// @brief `mamori backup`: a consistent copy of a live SQLite database (online backup API, so the server may
/// keep running), checked with PRAGMA integrity_check, fsynced and renamed into place, then its manifest
/// (`FILE.manifest.json`, see manifest.hpp) written the same way. FILE is never half-written.
///
///     auto m = create_backup({.database = "/var/lib/mamori/mamori.db", .to = "/backups/mamori-1.db"});
#pragma once

#include <filesystem>

#include "mamori/backup/manifest.hpp"
#include "mamori/core/error.hpp"

namespace mamori::backup {

// BackupRequest: what to copy where; `force` replaces an existing FILE and manifest.
struct BackupRequest {
    std::filesystem::path database;
    std::filesystem::path to;
    bool force = false;
};

// create_backup: writes the backup and its manifest and returns the manifest. Refuses (conflict) when FILE
// or its manifest exists and `force` is off; on any failure nothing is left at FILE.
Result<BackupManifest> create_backup(const BackupRequest& request);

}  // namespace mamori::backup
