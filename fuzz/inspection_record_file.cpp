// An inspection record file handed back from an offline tablet: parse_record_file (size and depth limits,
// every error naming a JSON path). What it reads is written back by record_file_json, and that must read
// back to the same file: the format is a fixed point after one round.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "mamori/inspection/record.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::inspection;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = parse_record_file({reinterpret_cast<const char*>(data), size});
    if (!file) {
        fuzz_check(file.error().code == mamori::ErrorCode::invalid_input, "a bad file is invalid input");
        fuzz_check(!file.error().fields.empty(), "a refusal names the JSON path");
        return 0;
    }
    fuzz_check(file->lines.size() <= kRecordFileMaxLines, "the line limit holds");
    const std::string written = record_file_json(*file).dump();
    const auto again = parse_record_file(written);
    fuzz_check(again.has_value(), "what was read, written, reads back");
    fuzz_check(record_file_json(*again).dump() == written, "write and read are a fixed point");
    return 0;
}
