// A MHLW 医療情報ネット facility file (施設票) as the facility import reads it: records through CsvReader,
// the first one to detect_facility_layout, the others to parse_facility_row, against an empty and a small
// municipality list. A row that parses keeps the contract of FacilityRow: a 13-digit ID, a prefecture
// 01–47, a 6-digit municipality code with a right check digit in that prefecture (and in the list when one
// is given), coordinates both present and inside Japan or both absent, no negative bed count.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "check.hpp"
#include "mamori/feeds/csv.hpp"
#include "mamori/feeds/facility_rows.hpp"
#include "mamori/feeds/local_government_code.hpp"

namespace {

using mamori::fuzz::fuzz_check;
using namespace mamori::feeds;

void check_row(const FacilityRow& row, const MunicipalityCodes& known) {
    fuzz_check(row.facility_id.size() == 13, "a facility ID has 13 digits");
    fuzz_check(!row.name.empty(), "a facility has a name");
    fuzz_check(is_prefecture_code(row.prefecture_code), "the prefecture code is 01-47");
    fuzz_check(is_valid_local_government_code(row.municipality_code), "the municipality code is checked");
    fuzz_check(row.municipality_code.compare(0, 2, row.prefecture_code) == 0,
               "the municipality lies in the row's prefecture");
    fuzz_check(known.empty() || known.contains(row.municipality_code), "the municipality is in the list");
    fuzz_check(row.latitude.has_value() == row.longitude.has_value(), "coordinates come in pairs");
    if (row.latitude)
        fuzz_check(
            *row.latitude >= 20 && *row.latitude <= 46 && *row.longitude >= 122 && *row.longitude <= 154,
            "coordinates lie inside Japan");
    for (const auto& beds : {row.beds_general, row.beds_long_term, row.beds_psychiatric,
                             row.beds_tuberculosis, row.beds_infectious, row.beds_total})
        fuzz_check(!beds || *beds >= 0, "bed counts are not negative");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const MunicipalityCodes no_list;
    static const MunicipalityCodes short_list = {"011002", "131016", "131041", "271004", "472018"};
    std::istringstream in{std::string(reinterpret_cast<const char*>(data), size)};
    CsvReader reader(in);
    if (reader.next() != CsvReader::Status::record) return 0;
    const std::vector<std::string> header(reader.record().fields.begin(), reader.record().fields.end());
    const auto layout = detect_facility_layout(header);
    if (!layout) return 0;
    for (;;) {
        const auto status = reader.next();
        if (status == CsvReader::Status::end || status == CsvReader::Status::failed) return 0;
        if (status == CsvReader::Status::error) continue;
        for (const auto* known : {&no_list, &short_list}) {
            const auto row = parse_facility_row(*layout, reader.record().fields, *known);
            if (row) {
                fuzz_check(row->kind == layout->kind, "a row has its file's kind");
                check_row(*row, *known);
            } else {
                fuzz_check(row.error().column <= header.size(), "a problem names a column of the file");
                fuzz_check(!row.error().reason.empty(), "a problem says why");
            }
        }
    }
}
