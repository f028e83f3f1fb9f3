// What the findings service adds to the matcher's pure domain (mamori/exposure): the key by which the feed
// index finds a CVE's candidate devices.
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

}  // namespace mamori::services::exposure_rules
