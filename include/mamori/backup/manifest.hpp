/// @file
/// @brief The manifest of a backup: a JSON file beside it (`FILE.manifest.json`) that names the backup's
/// size and SHA-256, the schema version, the mamori version, the time and the row count of every table, so
/// `mamori restore` can tell a truncated or altered backup from a good one before it touches a database.
///
///     BackupManifest m{.database_file = "mamori.db", .bytes = 4096, .sha256 = "…", .schema_version = 6};
///     write(manifest_path("backups/mamori.db"), to_json(m));   // backups/mamori.db.manifest.json
///     auto back = parse_manifest(text, "backups/mamori.db.manifest.json");
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "mamori/backup/row_counts.hpp"
#include "mamori/core/error.hpp"

namespace mamori::backup {

// kManifestFormat: the `format` value this binary writes and reads.
inline constexpr std::string_view kManifestFormat = "mamori-backup/1";

// BackupManifest: what a backup file must be.
struct BackupManifest {
    std::string database_file;  // the backup's file name (no directory), for people reading the manifest
    std::uint64_t bytes = 0;
    std::string sha256;  // lowercase hex of the whole file
    int schema_version = 0;
    std::string mamori_version;
    std::string created_at;  // ISO-8601 UTC
    std::string source;      // the database path the backup was taken from
    RowCounts row_counts;
};

// FileDigest: the size and SHA-256 of a file as read.
struct FileDigest {
    std::uint64_t bytes = 0;
    std::string sha256;
};

// manifest_path: "dir/mamori.db" → "dir/mamori.db.manifest.json".
std::filesystem::path manifest_path(const std::filesystem::path& backup_file);

// to_json: the manifest as pretty-printed JSON (ends with a newline).
std::string to_json(const BackupManifest& manifest);

// parse_manifest: reads a manifest; every error names `where` (the manifest's path) and the field.
Result<BackupManifest> parse_manifest(std::string_view text, std::string_view where);

// check_digest: whether `actual` (the backup file as read) is what the manifest promises; the error says
// which of size or hash differs, both values, and what that usually means (truncation, alteration).
Status check_digest(const BackupManifest& manifest, const FileDigest& actual, std::string_view backup_file);

}  // namespace mamori::backup
