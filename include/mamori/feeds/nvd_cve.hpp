/// @file
/// @brief NVD CVE API 2.0 responses (one CVE or a page of them, plain or gzipped before it gets here): per
/// CVE its id, status, dates, English description, the newest CVSS metric (Primary source first), CISA's
/// KEV dates, the configurations array as compact JSON, and the (part, vendor, product) of every CPE the
/// configurations name. Pure; the first bad record fails the page, naming its JSON path.
///
///     auto page = parse_nvd_cve_page(text, "cves-2023.json.gz", {});
///     page->start_index, page->total_results, page->cves.size()
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/feeds/feed_parsing.hpp"

namespace mamori::feeds {

// CpeProduct: the 3rd–5th components of a CPE 2.3 formatted string, exactly as written there.
struct CpeProduct {
    std::string part, vendor, product;
    bool operator==(const CpeProduct&) const = default;
    bool operator<(const CpeProduct& other) const {
        return std::tie(part, vendor, product) < std::tie(other.part, other.vendor, other.product);
    }
};

struct NvdCve {
    std::string cve_id;
    std::string status;  // vulnStatus: Analyzed, Modified, Rejected, Undergoing Analysis, …
    std::string published;
    std::string last_modified;
    std::string description;   // English
    std::string cvss_version;  // "4.0", "3.1", "3.0", "2.0" or "" when NVD gives none
    std::optional<double> cvss_score;
    std::string cvss_severity;  // as NVD writes it (CRITICAL, HIGH, …)
    std::string cvss_vector;
    std::optional<std::string> cisa_exploit_add;  // YYYY-MM-DD
    std::optional<std::string> cisa_action_due;
    std::string configurations = "[]";  // NVD's configurations array, compact JSON
    std::vector<CpeProduct> products;   // sorted, distinct
};

// NvdCvePage: the paging NVD reports (startIndex, resultsPerPage, totalResults) and the records.
struct NvdCvePage {
    std::size_t start_index = 0;
    std::size_t results_per_page = 0;
    std::size_t total_results = 0;
    std::string timestamp;
    std::vector<NvdCve> cves;
};

Result<NvdCvePage> parse_nvd_cve_page(std::string_view text, std::string_view source,
                                      const FeedLimits& limits);

}  // namespace mamori::feeds
