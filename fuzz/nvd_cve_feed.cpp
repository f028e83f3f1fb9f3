// An NVD CVE API 2.0 response, gzipped or not, to feeds::decode_feed_bytes (inflating with a small limit)
// and parse_nvd_cve_page, and the same bytes to parse_nvd_cpe_page. A page read stays inside its paging,
// its CVEs have valid ids, their products are sorted, distinct and non-empty, and configurations are JSON
// within the limit.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "check.hpp"
#include "mamori/exposure/cpe.hpp"
#include "mamori/feeds/gzip.hpp"
#include "mamori/feeds/nvd_cpe.hpp"
#include "mamori/feeds/nvd_cve.hpp"

using mamori::fuzz::fuzz_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mamori::feeds::FeedFileLimits file_limits;
    file_limits.max_inflated_bytes = 1 << 20;
    auto text = mamori::feeds::decode_feed_bytes(std::string(reinterpret_cast<const char*>(data), size),
                                                 file_limits, "fuzz.json.gz");
    if (!text) {
        fuzz_check(text.error().code == mamori::ErrorCode::invalid_input ||
                       text.error().code == mamori::ErrorCode::too_large,
                   "damaged or too large gzip is refused as such");
        return 0;
    }
    fuzz_check(text->size() <= std::max<std::size_t>(size, file_limits.max_inflated_bytes),
               "inflated within the limit");
    mamori::feeds::FeedLimits limits;
    limits.max_records = 64;
    limits.max_string_bytes = 4096;
    limits.max_json_depth = 16;
    limits.max_configurations_bytes = 64 * 1024;
    const auto page = mamori::feeds::parse_nvd_cve_page(*text, "fuzz.json", limits);
    if (page) {
        if (page->total_results != 0)
            fuzz_check(page->start_index + page->cves.size() <= page->total_results,
                       "the page lies inside totalResults");
        for (const auto& cve : page->cves) {
            fuzz_check(mamori::feeds::is_cve_id(cve.cve_id), "every id is a CVE id");
            fuzz_check(std::is_sorted(cve.products.begin(), cve.products.end()), "products sorted");
            fuzz_check(std::adjacent_find(cve.products.begin(), cve.products.end()) == cve.products.end(),
                       "products distinct");
            for (const auto& p : cve.products)
                fuzz_check(!p.vendor.empty() && !p.product.empty() &&
                               (p.part == "a" || p.part == "o" || p.part == "h"),
                           "a product has a part, vendor and product");
            fuzz_check(cve.configurations.size() <= limits.max_configurations_bytes,
                       "configurations within the limit");
            fuzz_check(nlohmann::json::accept(cve.configurations), "configurations are JSON");
            fuzz_check(!cve.cvss_score || (*cve.cvss_score >= 0 && *cve.cvss_score <= 10),
                       "a CVSS score is 0 to 10");
        }
    } else {
        fuzz_check(!page.error().fields.empty(), "a refusal names the field");
    }
    const auto cpes = mamori::feeds::parse_nvd_cpe_page(*text, "fuzz.json", limits);
    if (cpes)
        for (const auto& e : cpes->products)
            fuzz_check(mamori::exposure::normalise_cpe(e.cpe) == e.cpe,
                       "every dictionary name is a canonical CPE 2.3 name");
    return 0;
}
