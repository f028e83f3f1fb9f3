/// @file
/// @brief FusionInventory / GLPI-agent XML (<REQUEST><CONTENT>…): a computer inventory (HARDWARE, BIOS,
/// OPERATINGSYSTEM, NETWORKS, SOFTWARES) is one device; an SNMP network inventory (DEVICE with INFO) gives
/// one device per DEVICE. A file whose root is not <REQUEST> with <CONTENT> is refused.
#pragma once

#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

Result<InventoryFile> read_fusion_inventory_xml(std::string_view bytes, std::string_view file_name,
                                                const InventoryLimits& limits = {});

}  // namespace mamori::feeds
