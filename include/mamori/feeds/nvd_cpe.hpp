/// @file
/// @brief NVD CPE dictionary API 2.0 responses (`format NVD_CPE`): per product its CPE name, cpeNameId,
/// deprecated flag, English and Japanese titles (UTF-8 as given) and lastModified. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/feeds/feed_parsing.hpp"

namespace mamori::feeds {

struct CpeDictionaryEntry {
    std::string cpe;  // the CPE 2.3 formatted string
    std::string cpe_name_id;
    std::string part, vendor, product, version;  // components 3–6 as written in `cpe`
    std::string title_en, title_ja;
    bool deprecated = false;
    std::string last_modified;
};

struct CpeDictionaryPage {
    std::size_t start_index = 0;
    std::size_t results_per_page = 0;
    std::size_t total_results = 0;
    std::string timestamp;
    std::vector<CpeDictionaryEntry> products;
};

Result<CpeDictionaryPage> parse_nvd_cpe_page(std::string_view text, std::string_view source,
                                             const FeedLimits& limits);

}  // namespace mamori::feeds
