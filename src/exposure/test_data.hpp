// Test support for the exposure tests: the data files under tests/data/exposure and the real external files
// read in place from ../shared/data (relative to the repository root). Tests only.
#pragma once

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace mamori::exposure::testing {

inline std::filesystem::path exposure_data_dir() {
    return std::filesystem::path(MAMORI_SOURCE_DIR) / "tests" / "data" / "exposure";
}

// ../shared/data beside the repository; MAMORI_SHARED_DATA overrides it (a git worktree lives one level
// deeper than the main checkout).
inline std::filesystem::path shared_data_dir() {
    if (const char* env = std::getenv("MAMORI_SHARED_DATA"); env != nullptr && *env != '\0') return env;
    return std::filesystem::path(MAMORI_SOURCE_DIR).parent_path() / "shared" / "data";
}

inline std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// read_gzip_file: the whole decompressed file, or "" when it cannot be read.
inline std::string read_gzip_file(const std::filesystem::path& path) {
    gzFile file = gzopen(path.string().c_str(), "rb");
    if (file == nullptr) return {};
    std::string out;
    char buffer[65536];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    gzclose(file);
    return out;
}

struct TsvRow {
    int line = 0;
    std::vector<std::string> cells;
};

// read_tsv: rows of a tab-separated file, skipping empty lines and lines starting with '#'.
inline std::vector<TsvRow> read_tsv(const std::filesystem::path& path) {
    std::vector<TsvRow> rows;
    std::ifstream in(path);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        TsvRow row{number, {}};
        std::size_t start = 0;
        for (std::size_t i = 0; i <= line.size(); ++i) {
            if (i == line.size() || line[i] == '\t') {
                row.cells.push_back(line.substr(start, i - start));
                start = i + 1;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace mamori::exposure::testing
