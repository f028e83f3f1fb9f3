// A MyJVN response (HND XML or OKA JSON) to feeds::parse_jvn with small limits. Entries read have JVNDB ids,
// titles, sorted distinct CVE ids; a refusal is invalid input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "mamori/feeds/jvn.hpp"

using mamori::fuzz::fuzz_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mamori::feeds::FeedLimits limits;
    limits.max_records = 32;
    limits.max_string_bytes = 2048;
    limits.max_json_depth = 16;
    const auto page = mamori::feeds::parse_jvn({reinterpret_cast<const char*>(data), size}, "fuzz.jvn", limits);
    if (!page) {
        fuzz_check(page.error().code == mamori::ErrorCode::invalid_input, "a refused response is invalid input");
        return 0;
    }
    fuzz_check(page->entries.size() <= limits.max_records, "no more entries than the limit");
    for (const auto& e : page->entries) {
        fuzz_check(mamori::feeds::is_jvndb_id(e.jvndb_id), "every entry has a JVNDB id");
        fuzz_check(!e.title.empty() && e.title.size() <= limits.max_string_bytes, "a title within the limit");
        fuzz_check(std::is_sorted(e.cve_ids.begin(), e.cve_ids.end()), "CVE ids sorted");
        fuzz_check(std::adjacent_find(e.cve_ids.begin(), e.cve_ids.end()) == e.cve_ids.end(), "CVE ids distinct");
        for (const auto& id : e.cve_ids) fuzz_check(mamori::feeds::is_cve_id(id), "every CVE id is one");
        fuzz_check(!e.cvss_score || (*e.cvss_score >= 0 && *e.cvss_score <= 10), "a CVSS score is 0 to 10");
    }
    return 0;
}
