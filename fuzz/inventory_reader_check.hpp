// check_inventory_reader: the body of the inventory readers' harnesses (nmap, GLPI, FusionInventory,
// CycloneDX): any bytes give devices or an error, never a crash or a hang; with small limits every limit is
// reached, and what is read obeys them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::fuzz {

template <typename Reader>
int check_inventory_reader(const std::uint8_t* data, std::size_t size, Reader read) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const feeds::InventoryLimits limits{
        .max_bytes = 1 << 20, .max_devices = 8, .max_software = 16, .max_depth = 16};
    auto file = read(bytes, "fuzz", limits);
    if (!file) {
        fuzz_check(!file.error().message.empty(), "an error says what is wrong");
        return 0;
    }
    fuzz_check(file->devices.size() <= limits.max_devices, "at most max_devices devices");
    for (const auto& device : file->devices) {
        fuzz_check(!device.where.empty(), "every device says where it is in the file");
        fuzz_check(!device.software || device.software->size() <= limits.max_software,
                   "at most max_software software entries");
    }
    return 0;
}

}  // namespace mamori::fuzz
