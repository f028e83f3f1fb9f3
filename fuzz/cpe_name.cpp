// CPE names (exposure/cpe.cpp) and version ordering (exposure/version.cpp). The input's first line is a CPE
// name for parse_cpe and from_scanner_uri; a name that parses writes a canonical formatted string that parses
// back to the same name and writes itself again. The first two lines are also two versions: compare_versions
// must be antisymmetric and a version that has an order equals itself.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "mamori/exposure/cpe.hpp"
#include "mamori/exposure/version.hpp"

using mamori::fuzz::fuzz_check;
namespace exposure = mamori::exposure;

namespace {

void round_trip(const mamori::Result<exposure::Cpe>& parsed) {
    if (!parsed) {
        fuzz_check(parsed.error().code == mamori::ErrorCode::invalid_input,
                   "a refused name is invalid input");
        return;
    }
    const std::string formatted = exposure::to_formatted(*parsed);
    fuzz_check(formatted.rfind("cpe:2.3:", 0) == 0, "the canonical form is a CPE 2.3 formatted string");
    const auto again = exposure::parse_cpe(formatted);
    fuzz_check(again.has_value(), "the canonical form parses");
    fuzz_check(*again == *parsed, "the canonical form parses to the same name");
    fuzz_check(exposure::to_formatted(*again) == formatted, "the canonical form is stable");
}

std::partial_ordering reversed(std::partial_ordering o) {
    if (o == std::partial_ordering::less) return std::partial_ordering::greater;
    if (o == std::partial_ordering::greater) return std::partial_ordering::less;
    return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = text.find('\n');
    const std::string_view first = text.substr(0, newline);
    round_trip(exposure::parse_cpe(first));
    round_trip(exposure::from_scanner_uri(first));

    const std::string_view second =
        newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    const auto ab = exposure::compare_versions(first, second);
    const auto ba = exposure::compare_versions(second, first);
    fuzz_check(ab == reversed(ba), "compare_versions is antisymmetric");
    const auto aa = exposure::compare_versions(first, first);
    fuzz_check(aa == std::partial_ordering::equivalent || aa == std::partial_ordering::unordered,
               "a version equals itself");
    return 0;
}
