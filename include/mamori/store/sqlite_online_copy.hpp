/// @file
/// @brief A consistent copy of a live SQLite database with SQLite's online backup API: the copy is one
/// snapshot (one read transaction over all pages), and in WAL mode the server keeps reading and writing
/// meanwhile. The copy is left in rollback-journal mode, so it is one self-contained file (no -wal).
///
///     if (auto ok = online_copy("/var/lib/mamori/mamori.db", "/backups/.tmp-123"); !ok) …
#pragma once

#include <filesystem>

#include "mamori/core/error.hpp"

namespace mamori::store {

// online_copy: copies the database at `source` (which must exist; it is never created) into the new file
// `destination`. Errors name the file and SQLite's message.
Status online_copy(const std::filesystem::path& source, const std::filesystem::path& destination);

}  // namespace mamori::store
