// Test helper: the real inventory files are read in place from ../shared/data (relative to the repository
// root) or from $MAMORI_SHARED_DATA (a git worktree elsewhere), never copied.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace mamori::feeds::testing {

inline std::filesystem::path shared_data_dir() {
    if (const char* configured = std::getenv("MAMORI_SHARED_DATA"); configured && *configured)
        return configured;
    return std::filesystem::path(MAMORI_SOURCE_DIR).parent_path() / "shared" / "data";
}

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace mamori::feeds::testing

// SHARED_FILE: the bytes of a real file, or skips the test with a visible message when it is absent.
#define MAMORI_SHARED_FILE(var, relative)                                               \
    const auto var##_path = ::mamori::feeds::testing::shared_data_dir() / (relative);   \
    if (!std::filesystem::exists(var##_path))                                           \
        GTEST_SKIP() << "real data not found at " << var##_path                         \
                     << " (../shared/data is absent; set MAMORI_SHARED_DATA): skipped"; \
    const std::string var = ::mamori::feeds::testing::read_bytes(var##_path)
