/// @file
/// @brief The common start of reading an inventory file: the size limit before anything is parsed, an empty
/// file refused; for XML, an XML declaration that some tools leave after a leading comment (nmap output with
/// a licence header prepended) blanked so the file still parses, its line numbers unchanged; for JSON, the
/// document parsed within the depth limit.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

Result<std::string> inventory_xml_text(std::string_view bytes, const std::string& file,
                                       const InventoryLimits& limits);

// inventory_json: the parsed document; "file: not valid JSON (…)" when it does not parse.
Result<nlohmann::json> inventory_json(std::string_view bytes, const std::string& file,
                                      const InventoryLimits& limits);

// check_inventory_size: too_large over the byte limit, invalid_input when empty.
Status check_inventory_size(std::string_view bytes, const std::string& file, const InventoryLimits& limits);

}  // namespace mamori::feeds
