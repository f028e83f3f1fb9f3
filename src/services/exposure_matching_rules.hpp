// The matching rules the findings service applies to one CVE and one device: its NVD configurations compiled
// once (criteria split into their CPE components, version bounds kept), evaluated against the device's CPE
// names, and the priority of a finding. A small evaluator of its own until the matcher's pure domain
// (src/exposure: exposure::evaluate, exposure::priority) is merged; the interface here is what the service
// needs, so only this file's implementation changes then.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace mamori::services::exposure_rules {

// DeviceCpe: one canonical CPE 2.3 formatted string of a device, split into its 13 components
// (cpe, 2.3, part, vendor, product, version, update, edition, language, sw_edition, target_sw, target_hw,
// other) with the escapes kept.
struct DeviceCpe {
    std::string text;
    std::array<std::string, 13> parts;
};
std::optional<DeviceCpe> split_cpe(std::string_view formatted);

struct Criterion {
    bool vulnerable = true;
    DeviceCpe pattern;
    std::string start_including, start_excluding, end_including, end_excluding;
};
struct Node {
    bool all = false;  // AND
    bool negate = false;
    std::vector<Criterion> criteria;
};
struct Configuration {
    bool all = false;  // AND across nodes
    std::vector<Node> nodes;
};

// ProductKey: "part:vendor:product" as written in the formatted strings (the index key).
std::string product_key(std::string_view part, std::string_view vendor, std::string_view product);

// compile: NVD's configurations array; criteria that do not parse are left out (never match).
std::vector<Configuration> compile(const nlohmann::json& configurations);

// products: every product key the configurations name.
std::vector<std::string> products(const std::vector<Configuration>& configurations);

// evaluate: whether the device's CPE names make the configurations true; `matched` gets the device's names
// that satisfied a vulnerable criterion of a true configuration (sorted, unique).
bool evaluate(const std::vector<Configuration>& configurations, const std::vector<DeviceCpe>& device,
              std::vector<std::string>& matched);

// compare_versions: <0, 0, >0; numeric runs compared as numbers, others as text.
int compare_versions(std::string_view a, std::string_view b);

// priority: higher first: in KEV, ransomware use known, exposed (internet-facing or a connection point),
// then CVSS (tenths).
int priority(bool kev, bool ransomware_known, bool exposed, std::optional<double> cvss);

}  // namespace mamori::services::exposure_rules
