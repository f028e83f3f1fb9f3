// What the findings service adds to the matcher's pure domain (mamori/exposure): the key by which the feed
// index finds a CVE's candidate devices, and the priority of a finding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mamori/exposure/configuration.hpp"
#include "mamori/exposure/cpe.hpp"

namespace mamori::services::exposure_rules {

// product_key: "part:vendor:product" as written in the formatted strings; nullopt when the vendor or product
// is not a plain value (ANY, NA), which no index key names.
std::optional<std::string> product_key(const exposure::Cpe& cpe);
std::string product_key(const exposure::ProductKey& key);

// split_product_key: the three parts of a key, for SQL.
struct ProductParts {
    std::string part, vendor, product;
};
ProductParts split_product_key(std::string_view key);

// priority: higher first: in KEV, then known ransomware use, then exposed (internet-facing or a connection
// point), then CVSS (tenths). KEV and exposed together outrank KEV alone.
int priority(bool kev, bool ransomware_known, bool exposed, std::optional<double> cvss);

}  // namespace mamori::services::exposure_rules
