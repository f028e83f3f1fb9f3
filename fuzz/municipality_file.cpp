// The code4fukui municipality list (localgovjp-utf8.csv) as the municipality import reads it: records
// through CsvReader, the first one to detect_municipality_layout, the others to parse_municipality_row. A
// row that parses has a 6-digit 全国地方公共団体コード with a right check digit, in its prefecture, and a
// non-empty name.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "check.hpp"
#include "mamori/feeds/csv.hpp"
#include "mamori/feeds/local_government_code.hpp"
#include "mamori/feeds/municipality_rows.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::feeds;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in{std::string(reinterpret_cast<const char*>(data), size)};
    CsvReader reader(in);
    if (reader.next() != CsvReader::Status::record) return 0;
    const std::vector<std::string> header(reader.record().fields.begin(), reader.record().fields.end());
    const auto layout = detect_municipality_layout(header);
    if (!layout) return 0;
    for (;;) {
        const auto status = reader.next();
        if (status == CsvReader::Status::end || status == CsvReader::Status::failed) return 0;
        if (status == CsvReader::Status::error) continue;
        const auto row = parse_municipality_row(*layout, reader.record().fields);
        if (!row) {
            fuzz_check(row.error().column <= header.size(), "a problem names a column of the file");
            continue;
        }
        fuzz_check(is_valid_local_government_code(row->code), "the code has a right check digit");
        fuzz_check(is_prefecture_code(row->prefecture_code), "the prefecture code is 01-47");
        fuzz_check(row->code.compare(0, 2, row->prefecture_code) == 0, "the code lies in its prefecture");
        fuzz_check(!row->name.empty() && is_valid_utf8(row->name), "the name is UTF-8 text");
    }
}
