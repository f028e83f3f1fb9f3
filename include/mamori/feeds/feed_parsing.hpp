/// @file
/// @brief What the vulnerability feed parsers (KEV, NVD, JVN) share: their limits, the check of a CVE id,
/// and errors that name the file, the record and the field (a JSON path or an XML line).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::feeds {

// FeedLimits: the most records one file may hold, the longest text field, the deepest JSON, and the
// longest NVD configurations array (as compact JSON) of one CVE.
struct FeedLimits {
    std::size_t max_records = 500'000;
    std::size_t max_string_bytes = std::size_t{64} * 1024;
    int max_json_depth = 32;
    std::size_t max_configurations_bytes = std::size_t{8} * 1024 * 1024;
};

// is_cve_id: CVE-YYYY-NNNN… (4 to 19 digits), as CISA and NVD write them.
bool is_cve_id(std::string_view text);

// is_iso_date: YYYY-MM-DD with a plausible month and day.
bool is_iso_date(std::string_view text);

// feed_error: invalid_input "SOURCE: FIELD: MESSAGE" with `field` as the error's field.
tl::unexpected<Error> feed_error(std::string_view source, std::string field, std::string_view message);

}  // namespace mamori::feeds
