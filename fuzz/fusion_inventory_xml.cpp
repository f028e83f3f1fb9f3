// The reader of FusionInventory / GLPI-agent XML (feeds/fusion_inventory_xml): the checks of
// inventory_reader_check.hpp.
#include "mamori/feeds/fusion_inventory_xml.hpp"

#include <cstddef>
#include <cstdint>

#include "inventory_reader_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return mamori::fuzz::check_inventory_reader(data, size, mamori::feeds::read_fusion_inventory_xml);
}
