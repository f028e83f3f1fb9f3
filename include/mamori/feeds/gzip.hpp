/// @file
/// @brief Reading a feed file that may be gzip-compressed (NVD's `.json.gz`), with a limit on the bytes read
/// and on the bytes it inflates to, so a small file cannot expand without bound (a zip bomb).
///
///     auto text = read_feed_file("cves-2023.json.gz", {});   // gunzipped when it starts with 1f 8b
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::feeds {

// FeedFileLimits: the largest file read from disk and the largest text it may inflate to.
struct FeedFileLimits {
    std::size_t max_file_bytes = std::size_t{512} * 1024 * 1024;
    std::size_t max_inflated_bytes = std::size_t{1024} * 1024 * 1024;
};

// is_gzip: the bytes start with the gzip magic number.
bool is_gzip(std::string_view bytes);

// gunzip: the inflated bytes of one or more concatenated gzip members; too_large when they would pass
// `max_inflated_bytes`, invalid_input (field `source`) when the data is damaged or cut short.
Result<std::string> gunzip(std::string_view bytes, std::size_t max_inflated_bytes, std::string_view source);

// decode_feed_bytes: `bytes` inflated when gzip, otherwise as they are.
Result<std::string> decode_feed_bytes(std::string bytes, const FeedFileLimits& limits, std::string_view source);

// read_feed_file: the file's text (inflated when gzip); not_found / too_large / invalid_input naming it.
Result<std::string> read_feed_file(const std::string& path, const FeedFileLimits& limits);

}  // namespace mamori::feeds
