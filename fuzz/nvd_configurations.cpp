// NVD `configurations` (exposure/configuration.cpp, cpe_match.cpp): the input is JSON, read with the depth
// limit a feed import uses, then parse_configurations; refusals are invalid input naming a JSON path under
// "configurations". What parses is evaluated against a few fixed device CPE sets and the criteria themselves:
// evaluate returns indices of the device's CPEs, sorted and unique, and products_named is sorted and unique.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "mamori/core/json_limits.hpp"
#include "mamori/exposure/configuration.hpp"

using mamori::fuzz::fuzz_check;
namespace exposure = mamori::exposure;

namespace {

void check_evaluation(const std::vector<exposure::Configuration>& configurations,
                      const std::vector<exposure::Cpe>& device) {
    const auto result = exposure::evaluate(configurations, device);
    fuzz_check(result.affected == !result.matched.empty(), "affected exactly when a device CPE matched");
    fuzz_check(std::is_sorted(result.matched.begin(), result.matched.end()), "matched indices are sorted");
    fuzz_check(std::adjacent_find(result.matched.begin(), result.matched.end()) == result.matched.end(),
               "matched indices are unique");
    for (auto index : result.matched) fuzz_check(index < device.size(), "matched indices are the device's");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto document = mamori::parse_limited_json(text, 16, "configurations");
    if (!document) return 0;
    exposure::ConfigurationLimits limits;
    limits.max_matches = 2'000;
    const auto configurations = exposure::parse_configurations(*document, limits);
    if (!configurations) {
        fuzz_check(configurations.error().code == mamori::ErrorCode::invalid_input,
                   "refusals are invalid input");
        fuzz_check(configurations.error().message.rfind("configurations", 0) == 0,
                   "refusals name a JSON path");
        return 0;
    }
    const auto products = exposure::products_named(*configurations);
    fuzz_check(std::is_sorted(products.begin(), products.end()), "products are sorted");
    fuzz_check(std::adjacent_find(products.begin(), products.end()) == products.end(), "products are unique");

    std::vector<exposure::Cpe> criteria;
    for (const auto& configuration : *configurations) {
        for (const auto& node : configuration.nodes) {
            for (const auto& match : node.matches) {
                if (criteria.size() < 16) criteria.push_back(match.criteria);
            }
        }
    }
    check_evaluation(*configurations, criteria);
    check_evaluation(*configurations, {});
    check_evaluation(*configurations,
                     {*exposure::parse_cpe("cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*"),
                      *exposure::parse_cpe("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*"),
                      *exposure::parse_cpe("cpe:2.3:h:cisco:asa_5505:*:*:*:*:*:*:*:*")});
    return 0;
}
