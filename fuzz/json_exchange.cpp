// An assessment's JSON export offered for import: read_json (depth-limited parse, structure checks naming
// JSON paths). What it reads is written back by write_json, and that export must read back to the same
// export: the format is a fixed point after one round.
#include "mamori/documents/json_exchange.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::documents;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto doc = read_json({reinterpret_cast<const char*>(data), size});
    if (!doc) {
        fuzz_check(doc.error().code == mamori::ErrorCode::invalid_input, "a bad file is invalid input");
        return 0;
    }
    const std::string exported = write_json(*doc);
    const auto again = read_json(exported);
    fuzz_check(again.has_value(), "an export of what was read reads back");
    fuzz_check(write_json(*again) == exported, "export and import are a fixed point");
    return 0;
}
