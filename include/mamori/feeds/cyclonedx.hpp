/// @file
/// @brief A CycloneDX 1.x JSON SBOM of one device: the device is metadata.component (its name, version as
/// firmware, supplier/manufacturer); every component (nested ones too, within the limits) is its software
/// with type, version, CPE and purl, and each component's CPE is one of the device's CPE names (origin
/// "sbom"). A JSON file without bomFormat "CycloneDX" and a 1.x specVersion is refused.
#pragma once

#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

Result<InventoryFile> read_cyclonedx(std::string_view bytes, std::string_view file_name,
                                     const InventoryLimits& limits = {});

}  // namespace mamori::feeds
