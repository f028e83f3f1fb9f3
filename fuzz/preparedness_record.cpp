// A preparedness record as a request body would carry it (the first byte picks the kind; the rest is the
// JSON) to preparedness::check_record, and — for a first byte of 6 — the text as the preparedness data file
// to parse_reference. A refusal is invalid input naming at least one field; an accepted record checks again
// to itself (what is stored reads back the same), its dates are not after "today", and the warnings over it
// are computed without throwing.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "check.hpp"
#include "mamori/core/json_limits.hpp"
#include "mamori/preparedness/records.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::preparedness;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 7 == 6) {
        const auto parsed = parse_reference("p.json", text);
        if (!parsed) {
            fuzz_check(parsed.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
            fuzz_check(parsed.error().message.starts_with("p.json: "), "the message names the file");
        }
        return 0;
    }
    const auto kind = static_cast<RecordKind>(data[0] % 6);
    const auto body = mamori::parse_limited_json(text, mamori::kMaxRequestNesting);
    if (!body) return 0;
    const std::chrono::year_month_day today{std::chrono::year(2026), std::chrono::month(12),
                                            std::chrono::day(7)};
    const auto& reference = builtin_reference();
    const auto checked = check_record(kind, *body, reference, today);
    if (!checked) {
        fuzz_check(checked.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
        fuzz_check(!checked.error().fields.empty() || !body->is_object(), "a refusal names a field");
        return 0;
    }
    const auto again = check_record(kind, *checked, reference, today);
    fuzz_check(again.has_value() && *again == *checked, "a stored record checks again to itself");
    const StoredRecord stored{1, kind, *checked};
    (void)warnings(std::span(&stored, 1), reference, today);
    (void)reports_to_jurisdiction(*checked);
    return 0;
}
