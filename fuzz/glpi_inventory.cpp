// The reader of GLPI native inventory JSON (feeds/glpi_inventory): the checks of inventory_reader_check.hpp.
#include "mamori/feeds/glpi_inventory.hpp"

#include <cstddef>
#include <cstdint>

#include "inventory_reader_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return mamori::fuzz::check_inventory_reader(data, size, mamori::feeds::read_glpi_inventory);
}
