/// @file
/// @brief GLPI's native inventory JSON (the agent's `{"content": …, "itemtype": …}`): a Computer or Phone
/// (hardware, bios, operatingsystem, networks, softwares) or a NetworkEquipment or Printer (network_device,
/// firmwares) as one device. Cisco IOS firmware gets its CPE name when its version has IOS's shape; no
/// other CPE is made up. A file that is not a JSON object with "content" is refused.
#pragma once

#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

Result<InventoryFile> read_glpi_inventory(std::string_view bytes, std::string_view file_name,
                                          const InventoryLimits& limits = {});

}  // namespace mamori::feeds
