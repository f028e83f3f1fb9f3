// An uploaded workbook past the zip layer: the input names the package's parts ("=== <name>" lines, each
// followed by the part's text), which are packed into a valid zip (stored, right CRCs) and read by
// documents::read_xlsx. Random bytes rarely survive the zip reader's CRC check, so this is what reaches the
// workbook, relationships, shared strings, cell references, dates and answers of both sheets.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "documents/test_zip.hpp"
#include "mamori/documents/json_exchange.hpp"
#include "mamori/documents/xlsx.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::documents;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::string_view kMarker = "=== ";
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::vector<testing::ZipEntrySpec> parts;
    while (rest.starts_with(kMarker) && parts.size() < 32) {
        const auto name_end = rest.find('\n');
        if (name_end == std::string_view::npos) break;
        const auto name = rest.substr(kMarker.size(), name_end - kMarker.size());
        rest.remove_prefix(name_end + 1);
        auto next = rest.find("\n=== ");
        const auto text = rest.substr(0, next);
        rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
        parts.push_back({.name = std::string(name), .data = std::string(text), .method = 0});
    }
    const auto doc = read_xlsx(testing::make_zip(parts));
    if (!doc) {
        fuzz_check(doc.error().code == mamori::ErrorCode::invalid_input, "a bad workbook is invalid input");
        return 0;
    }
    for (const auto& row : doc->rows) fuzz_check(!row.canonical_id.empty(), "every row has its key");
    (void)write_json(*doc);
    return 0;
}
