// A 役割分担確認表 data file (reference/role-sharing-table.json or an operator's corrected copy) to
// vendors::parse_role_sharing_table. A refusal is invalid input whose every field names the file and a JSON
// path; a table that parses has unique row ids, each row in a part of the file, a confidence of V, S or I,
// content and its confidence together, and an https source.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "check.hpp"
#include "mamori/vendors/role_sharing.hpp"

namespace {

using mamori::fuzz::fuzz_check;
using namespace mamori::vendors;

bool is_confidence(const std::string& c) { return c == "V" || c == "S" || c == "I"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_role_sharing_table("t.json", text);
    if (!parsed) {
        fuzz_check(parsed.error().code == mamori::ErrorCode::invalid_input, "a refusal is invalid input");
        fuzz_check(!parsed.error().fields.empty(), "a refusal names at least one field");
        for (const auto& f : parsed.error().fields)
            fuzz_check(f.field.starts_with("t.json: "), "every field names the file");
        return 0;
    }
    fuzz_check(!parsed->parts.empty() && !parsed->rows.empty(), "a table has parts and rows");
    std::set<std::string> ids;
    for (const auto& row : parsed->rows) {
        fuzz_check(ids.insert(row.id).second, "row ids are unique");
        fuzz_check(find_part(*parsed, row.part) != nullptr, "a row is in a part of the file");
        fuzz_check(is_confidence(row.item_confidence), "an item has a confidence");
        fuzz_check(row.content_ja.has_value() == row.content_confidence.has_value(),
                   "content and its confidence come together");
        fuzz_check(!row.content_confidence || is_confidence(*row.content_confidence), "a known confidence");
        fuzz_check(row.source.starts_with("https://"), "a row's source is an https address");
        fuzz_check(!row.item_ja.empty(), "a row has an item");
        fuzz_check(find_row(*parsed, row.id) == &row, "a row is found by its id");
    }
    return 0;
}
