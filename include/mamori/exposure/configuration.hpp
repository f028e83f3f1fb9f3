/// @file
/// @brief NVD CVE API 2.0 `configurations`: parsed once into CPE names and version bounds, then evaluated
/// against the CPEs of many devices. Pure; src/exposure/configuration.cpp and cpe_match.cpp.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/exposure/cpe.hpp"

namespace mamori::exposure {

enum class Operator { or_, and_ };

// CpeMatch: one entry of a node's cpeMatch list. `vulnerable: false` names a platform the vulnerable thing
// must run on or with (an OS, a hardware model, a protocol module), not the vulnerable thing itself.
struct CpeMatch {
    bool vulnerable = true;
    Cpe criteria;
    std::string criteria_text;  // the canonical formatted string
    std::string version_start_including, version_start_excluding, version_end_including,
        version_end_excluding;
    std::string match_criteria_id;
    bool has_range() const {
        return !version_start_including.empty() || !version_start_excluding.empty() ||
               !version_end_including.empty() || !version_end_excluding.empty();
    }
};

// Node: a list of cpeMatch entries joined by OR or AND, possibly negated. `children` only appear in the
// older NVD 1.1 feed shape; API 2.0 records have none.
struct Node {
    Operator op = Operator::or_;
    bool negate = false;
    std::vector<CpeMatch> matches;
    std::vector<Node> children;
};

// Configuration: nodes joined by OR (the default) or AND, possibly negated.
struct Configuration {
    Operator op = Operator::or_;
    bool negate = false;
    std::vector<Node> nodes;
};

struct ConfigurationLimits {
    std::size_t max_configurations = 1'000;
    std::size_t max_nodes = 5'000;     // in all configurations together, children included
    std::size_t max_matches = 50'000;  // cpeMatch entries in all nodes together
    std::size_t max_depth = 4;         // node nesting through `children`
    std::size_t max_version_length = 100;
};

// parse_configurations: the `configurations` array of one NVD CVE record. Errors are invalid_input and name
// the JSON path ("configurations[0].nodes[1].cpeMatch[3].criteria"); unknown keys are ignored; a missing
// `operator` is OR, a missing `negate` false.
Result<std::vector<Configuration>> parse_configurations(const nlohmann::json& configurations_array,
                                                        const ConfigurationLimits& limits = {});

// cpe_name_matches: NISTIR 7696 name matching of one criterion against one device CPE: every attribute of the
// criterion must be a superset of or equal to the device's (ANY in the criterion takes anything; a value with
// wildcards '*'/'?' at its ends matches by pattern; NA matches NA).
// Two documented departures, both about what a device CPE leaves unknown:
// - a device attribute that is ANY ("*") does NOT satisfy a criterion value ("nginx:1.20.1" is not matched by
// a
//   device that says "nginx:*") — the spec's SUBSET, not a match: no over-matching;
// - with `platform_version` set, a criterion version NA ("-") accepts any device version (ANY, NA or a
// value).
//   NVD writes "-" in platform entries (`vulnerable: false`, "o:microsoft:windows:-",
//   "h:contec:solarview_compact:-") and in hardware ('h') criteria to mean "this product, whatever its
//   version"; inventories write "*" or a revision there. cpe_match_holds sets it for platform entries and
//   hardware criteria.
bool cpe_name_matches(const Cpe& criterion, const Cpe& device, bool platform_version);

// cpe_match_holds: the criterion's name matches and, when it has version bounds, the device version lies
// within them (compare_versions). A device whose version is ANY, NA or unordered never satisfies a ranged
// criterion
// ("cpe:/a:igor_sysoev:nginx" from nmap is not affected by "nginx, versions before 1.21.0").
bool cpe_match_holds(const CpeMatch& match, const Cpe& device);

// cpe_match_holds_for_product: cpe_match_holds for a device CPE whose part, vendor and product the caller knows to
// equal the criterion's plain ones (an index by product); the rest is checked.
bool cpe_match_holds_for_product(const CpeMatch& match, const Cpe& device);

// Evaluation: whether the device is affected and which of its CPEs (indices into the span given to evaluate)
// matched a `vulnerable: true` criterion in a configuration that holds.
struct Evaluation {
    bool affected = false;
    std::vector<std::size_t> matched;
};

// evaluate: a CVE applies when ANY configuration holds; a configuration is AND/OR over its nodes; a node
// AND/OR over its cpeMatch entries (and children), each then negated when `negate` is set; a cpeMatch holds
// when SOME device CPE satisfies it. A holding configuration counts only when a `vulnerable: true` entry of
// one of its un-negated nodes matched a device CPE, so platform entries alone ("runs on Windows") never
// report a device, and a CVE that needs SMBv1 or a given hardware model is not reported without it. Cost: no
// allocation unless affected; time O(total cpeMatch entries × device CPEs). Parse a record once and reuse its
// configurations for every device; the caller first narrows candidates by products_named().
Evaluation evaluate(std::span<const Configuration> configurations, std::span<const Cpe> device_cpes);

// ProductKey: (part, vendor, product) exactly as written in a formatted CPE 2.3 string (escapes kept).
struct ProductKey {
    char part = 'a';
    std::string vendor, product;
    bool operator==(const ProductKey&) const = default;
    bool operator<(const ProductKey& other) const {
        return std::tie(part, vendor, product) < std::tie(other.part, other.vendor, other.product);
    }
};

// is_index_key: a plain value (no unquoted wildcard at an end), which a name matches only by being the same text.
bool is_index_key(const CpeValue& value);

// products_named: every distinct (part, vendor, product) in the criteria, vulnerable or platform, sorted; the
// rows of cve_products. A criterion whose vendor or product is ANY or a wildcard pattern is left out (it
// cannot be an index key).
std::vector<ProductKey> products_named(std::span<const Configuration> configurations);

// is_matchable: whether a CVE with this NVD vulnStatus may produce findings ("Rejected" never does).
bool is_matchable(std::string_view vuln_status);

}  // namespace mamori::exposure
