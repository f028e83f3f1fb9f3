/// @file
/// @brief For tests: where the real feed files are read in place: ../shared/data beside the repository, or
/// MAMORI_SHARED_DATA when set (a worktree elsewhere).
#pragma once

#include <cstdlib>
#include <filesystem>

namespace mamori::testing {

inline std::filesystem::path shared_data_dir(const std::filesystem::path& source_dir) {
    if (const char* env = std::getenv("MAMORI_SHARED_DATA"); env != nullptr && *env != '\0') return env;
    return source_dir.parent_path() / "shared" / "data";
}

}  // namespace mamori::testing
