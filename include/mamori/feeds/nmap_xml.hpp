/// @file
/// @brief nmap's XML output (`nmap -sV -O -oX`): one device per host that is up, with its addresses (MAC
/// vendor as manufacturer), host name, the best OS match (its accuracy kept; the CPE names of every match
/// tied at that accuracy), open ports' services as software ("443/tcp", product, version, CPE 2.2 URI as
/// written) and SMBv1 from the smb-protocols host script as a platform fact. A file whose root is not
/// <nmaprun> is refused.
#pragma once

#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

Result<InventoryFile> read_nmap_xml(std::string_view bytes, std::string_view file_name,
                                    const InventoryLimits& limits = {});

}  // namespace mamori::feeds
