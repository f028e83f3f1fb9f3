/// @file
/// @brief The common start of reading an inventory XML file: the size limit before anything is parsed, an
/// empty file refused, and an XML declaration that some tools leave after a leading comment (nmap output
/// with a licence header prepended) blanked so the file still parses, its line numbers unchanged.
#pragma once

#include <string>
#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

Result<std::string> inventory_xml_text(std::string_view bytes, const std::string& file,
                                       const InventoryLimits& limits);

// check_inventory_size: too_large over the byte limit, invalid_input when empty.
Status check_inventory_size(std::string_view bytes, const std::string& file, const InventoryLimits& limits);

}  // namespace mamori::feeds
