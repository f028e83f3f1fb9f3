// A CISA KEV catalog (JSON or CSV) to feeds::parse_kev with small limits. A catalog read holds only valid CVE
// ids (each once), YYYY-MM-DD dates, Known/Unknown; a refusal is invalid input naming a field.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "check.hpp"
#include "mamori/feeds/kev.hpp"

using mamori::fuzz::fuzz_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mamori::feeds::FeedLimits limits;
    limits.max_records = 64;
    limits.max_string_bytes = 512;
    limits.max_json_depth = 8;
    const auto catalog = mamori::feeds::parse_kev({reinterpret_cast<const char*>(data), size}, "fuzz.kev", limits);
    if (!catalog) {
        fuzz_check(catalog.error().code == mamori::ErrorCode::invalid_input, "a refused catalog is invalid input");
        fuzz_check(!catalog.error().fields.empty(), "a refusal names the field");
        return 0;
    }
    fuzz_check(catalog->entries.size() <= limits.max_records, "no more records than the limit");
    std::set<std::string_view> ids;
    for (const auto& e : catalog->entries) {
        fuzz_check(mamori::feeds::is_cve_id(e.cve_id), "every id is a CVE id");
        fuzz_check(ids.insert(e.cve_id).second, "every id appears once");
        fuzz_check(mamori::feeds::is_iso_date(e.date_added), "dateAdded is a date");
        fuzz_check(!e.due_date || mamori::feeds::is_iso_date(*e.due_date), "dueDate is a date");
        fuzz_check(e.ransomware_use == "Known" || e.ransomware_use == "Unknown", "ransomware use is Known or Unknown");
        fuzz_check(e.short_description.size() <= limits.max_string_bytes, "texts within the limit");
    }
    return 0;
}
