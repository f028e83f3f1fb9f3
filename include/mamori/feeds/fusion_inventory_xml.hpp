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

// class_from_chassis: the ledger class an agent's chassis type suggests ("Laptop" → terminal, "Rack Mount
// Chassis" → server), or empty.
std::string class_from_chassis(std::string_view chassis, std::string_view vm_system);

// derived_firmware_cpe: a CPE 2.3 name for a network device's firmware when the vendor and product are
// certain from the version's shape (Cisco IOS "12.2(55)SE6"), else empty. Never a guess.
std::string derived_firmware_cpe(std::string_view manufacturer, std::string_view firmware);

// usable_ip / usable_mac: false for loopback addresses and the all-zero MAC that agents list on every host.
bool usable_ip(std::string_view ip);
bool usable_mac(std::string_view mac);

}  // namespace mamori::feeds
