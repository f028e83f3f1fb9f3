// A yearly inspection plan file as the plan import reads it (inspection::read_plan_file): CSV through
// CsvParser, the header, each line to parse_plan_line. Every line is either read or named as an error; a
// line read has a facility id of digits, a reason regular or cause, and a date in the fiscal year.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "mamori/core/time.hpp"
#include "mamori/inspection/plan.hpp"

using mamori::fuzz::fuzz_check;
using namespace mamori::inspection;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto file = read_plan_file(text, 2026);
    fuzz_check(file.lines.size() + file.errors.size() <= kPlanMaxLines + 1, "at most the line limit is read");
    for (const auto& e : file.errors) {
        fuzz_check(e.line >= 1, "an error names a line");
        fuzz_check(!e.column.empty(), "an error names a column");
    }
    for (const auto& line : file.lines) {
        fuzz_check(line.line >= 2, "data lines follow the header");
        fuzz_check(!line.facility_id.empty() && line.facility_id.find_first_not_of("0123456789") == std::string::npos,
                   "a facility id is digits");
        fuzz_check(line.reason == "regular" || line.reason == "cause", "a known reason");
        if (line.planned_on) fuzz_check(check_plan_date(*line.planned_on, 2026, "planned_on").has_value(), "a date in the year");
    }
    return 0;
}
