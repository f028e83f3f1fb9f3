/// @file
/// @brief A small, strict reader of zip archives held in memory, enough for .xlsx files: stored and
/// deflated entries found through the central directory, with limits on the number of entries and on the
/// unpacked sizes, a CRC check, and no zip64 or encryption. Malformed or hostile archives (zip bombs, lying
/// headers, truncation) give an invalid_input Error, never a crash.
///
///     auto zip = ZipArchive::open(bytes);
///     if (zip) auto xml = zip->read("xl/workbook.xml");
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::documents {

// ZipLimits: how much an archive may make us read.
struct ZipLimits {
    // Entries in the central directory.
    std::size_t max_entries = 64;
    // Unpacked bytes of one entry.
    std::size_t max_entry_size = std::size_t{20} * 1024 * 1024;
    // Unpacked bytes of every entry read, together.
    std::size_t max_total_size = std::size_t{64} * 1024 * 1024;
};

// ZipArchive: the central directory of an archive over bytes the caller keeps alive.
class ZipArchive {
  public:
    // open: checks the end record and the central directory (not the entries' data yet).
    static Result<ZipArchive> open(std::string_view bytes, ZipLimits limits = {});

    bool contains(std::string_view name) const;
    std::vector<std::string> names() const;

    // read: one entry, unpacked and CRC-checked; counts against max_total_size.
    Result<std::string> read(std::string_view name);

  private:
    struct Entry {
        std::string name;
        std::uint16_t method = 0;
        std::uint16_t flags = 0;
        std::uint32_t crc = 0;
        std::uint32_t compressed_size = 0;
        std::uint32_t size = 0;
        std::uint32_t local_header_offset = 0;
    };

    ZipArchive(std::string_view bytes, ZipLimits limits) : bytes_(bytes), limits_(limits) {}
    const Entry* find(std::string_view name) const;

    std::string_view bytes_;
    ZipLimits limits_;
    std::vector<Entry> entries_;
    std::size_t total_read_ = 0;
};

}  // namespace mamori::documents
