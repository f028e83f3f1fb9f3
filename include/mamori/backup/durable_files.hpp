/// @file
/// @brief Writing files so that a crash leaves either the old file or the complete new one: write to a
/// temporary file in the same directory, fsync it, rename it into place and fsync the directory.
///
///     TemporaryFile tmp(temporary_beside("/backups/mamori.db"));   // removed unless released
///     … write tmp.path() …
///     if (auto ok = sync_file(tmp.path()); !ok) return ok;
///     if (auto ok = rename_durably(tmp.path(), "/backups/mamori.db"); !ok) return ok;
///     tmp.release();
#pragma once

#include <filesystem>
#include <string_view>

#include "mamori/backup/manifest.hpp"
#include "mamori/core/error.hpp"

namespace mamori::backup {

// TemporaryFile: owns a path; removes the file (and SQLite's -journal/-wal/-shm beside it) at destruction
// unless released.
class TemporaryFile {
  public:
    explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::filesystem::path& path() const { return path_; }
    void release() { released_ = true; }

  private:
    std::filesystem::path path_;
    bool released_ = false;
};

// temporary_beside: a fresh hidden name in the target's directory, ".mamori.db.tmp-<pid>-<random>".
std::filesystem::path temporary_beside(const std::filesystem::path& target);

// digest_file: the size and SHA-256 of a file, read in chunks.
Result<FileDigest> digest_file(const std::filesystem::path& path);

// copy_file_durably: copies `from` to a new file `to` (which must not exist), fsyncs it and returns the
// digest of the bytes written.
Result<FileDigest> copy_file_durably(const std::filesystem::path& from, const std::filesystem::path& to);

// sync_file: fsync of one file.
Status sync_file(const std::filesystem::path& path);

// rename_durably: rename(2) then fsync of the target's directory.
Status rename_durably(const std::filesystem::path& from, const std::filesystem::path& to);

// write_file_durably: `text` into `path` via a temporary file, fsync and rename; never a half-written file.
Status write_file_durably(const std::filesystem::path& path, std::string_view text);

}  // namespace mamori::backup
