// An .xlsx uploaded as a filled-in checklist: read_xlsx over the whole file (our zip reader with its
// limits, libxml2 through XmlCursor, the workbook, shared strings and both sheets). What it reads must be
// exportable again as JSON (write_json throws on text that is not UTF-8).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "mamori/documents/json_exchange.hpp"
#include "mamori/documents/xlsx.hpp"

using mamori::fuzz::fuzz_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto doc = mamori::documents::read_xlsx({reinterpret_cast<const char*>(data), size});
    if (!doc) {
        fuzz_check(doc.error().code == mamori::ErrorCode::invalid_input, "a bad workbook is invalid input");
        return 0;
    }
    for (const auto& row : doc->rows) fuzz_check(!row.canonical_id.empty(), "every row has its key");
    (void)mamori::documents::write_json(*doc);
    return 0;
}
