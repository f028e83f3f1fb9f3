/// @file
/// @brief The frame the NVD CVE and CPE API 2.0 responses share: a JSON object of the right format with its
/// paging (startIndex, resultsPerPage, totalResults), a timestamp, and the array of records (vulnerabilities
/// or products) within the record limit.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "mamori/core/error.hpp"
#include "mamori/feeds/feed_parsing.hpp"

namespace mamori::feeds {

struct NvdPageFrame {
    std::size_t start_index = 0;
    std::size_t results_per_page = 0;
    std::size_t total_results = 0;
    std::string timestamp;
    nlohmann::json records;  // an array of at most max_records
};

// read_nvd_page_frame: `kind` is "CVE" or "CPE" (the format NVD_CVE or NVD_CPE), `records_name` the member
// that holds the records. The error names the JSON path of the first problem.
Result<NvdPageFrame> read_nvd_page_frame(std::string_view text, std::string_view source,
                                         const FeedLimits& limits, std::string_view kind,
                                         const char* records_name);

// take_paging: the frame's paging and timestamp into a page (NvdCvePage, CpeDictionaryPage).
template <typename Page>
void take_paging(NvdPageFrame& frame, Page& page) {
    page.start_index = frame.start_index;
    page.results_per_page = frame.results_per_page;
    page.total_results = frame.total_results;
    page.timestamp = std::move(frame.timestamp);
}

}  // namespace mamori::feeds
